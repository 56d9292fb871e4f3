//! `GET /openapi.json`: an OpenAPI 3.1 description of the public and moderator API, written by
//! hand next to the handlers it describes (api.rs, dashboard/mod.rs).

use axum::Json;
use serde_json::{Value, json};

/// The document.
pub fn document() -> Value {
    let error = json!({"$ref": "#/components/schemas/Error"});
    let err = |desc: &str| json!({"description": desc, "content": {"application/json": {"schema": error}}});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "didgah",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Comment moderation for Persian news sites: public comment API and moderator dashboard. Every 4xx carries {error: {code, message (Persian), message_en, field?}}."
        },
        "paths": {
            "/api/comments": {"post": {
                "summary": "Post a comment; the server re-runs every rule.",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewComment"}}}},
                "responses": {
                    "201": {"description": "Stored", "content": {"application/json": {"schema": {
                        "type": "object", "required": ["id", "status", "report"],
                        "properties": {"id": {"type": "integer"}, "status": {"enum": ["pending", "flagged"]}, "report": {"$ref": "#/components/schemas/Report"}}}}}},
                    "400": err("invalid_json, spam_trap"),
                    "401": err("invalid_token"),
                    "403": err("origin_not_allowed"),
                    "404": err("unknown_site, unknown_article"),
                    "409": err("duplicate"),
                    "413": err("too_large"),
                    "415": err("unsupported_media_type"),
                    "422": err("missing_field, invalid_field, rule_blocked (with a top-level `report`)"),
                    "429": err("rate_limited (Retry-After header)")
                }
            }},
            "/api/articles/{article_id}/comments": {"get": {
                "summary": "Approved comments of an article, newest first.",
                "parameters": [
                    {"name": "article_id", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "site", "in": "query", "schema": {"type": "string", "default": "demo"}},
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
                    {"name": "per_page", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}
                ],
                "responses": {
                    "200": {"description": "A page", "content": {"application/json": {"schema": {
                        "type": "object",
                        "properties": {
                            "article_id": {"type": "string"}, "total": {"type": "integer"},
                            "page": {"type": "integer"}, "per_page": {"type": "integer"},
                            "comments": {"type": "array", "items": {"$ref": "#/components/schemas/PublicComment"}}}}}}},
                    "404": err("unknown_site, unknown_article"),
                    "422": err("invalid_field")
                }
            }},
            "/api/counts": {"get": {
                "summary": "Approved-comment counts for up to 100 articles.",
                "parameters": [
                    {"name": "site", "in": "query", "schema": {"type": "string"}},
                    {"name": "articles", "in": "query", "required": true, "schema": {"type": "string"}, "description": "comma-separated article ids"}
                ],
                "responses": {
                    "200": {"description": "Counts", "content": {"application/json": {"schema": {
                        "type": "object", "properties": {"counts": {"type": "object", "additionalProperties": {"type": "integer"}}}}}}},
                    "404": err("unknown_site"),
                    "422": err("missing_field, invalid_field")
                }
            }},
            "/api/sites/{site}/config": {"get": {
                "summary": "A site's policy, login URL and field limits, for the widget.",
                "parameters": [{"name": "site", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "Config"}, "404": err("unknown_site")}
            }},
            "/dashboard": {"get": {
                "summary": "Moderator dashboard (HTML): the login form, or the queue.",
                "parameters": [
                    {"name": "view", "in": "query", "schema": {"enum": ["todo", "flagged", "pending", "approved", "rejected"]}},
                    {"name": "site", "in": "query", "schema": {"type": "string"}},
                    {"name": "article", "in": "query", "schema": {"type": "string"}},
                    {"name": "page", "in": "query", "schema": {"type": "integer"}}
                ],
                "responses": {"200": {"description": "HTML page", "content": {"text/html": {}}}}
            }},
            "/dashboard/login": {"post": {
                "summary": "Log in (form: username, password). Sets the HttpOnly session cookie; 5 failures lock the account for 15 minutes.",
                "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}}}},
                "responses": {"303": {"description": "Logged in"}, "401": {"description": "Wrong credentials (HTML)"}, "429": {"description": "Locked (HTML)"}}
            }},
            "/dashboard/logout": {"post": {"summary": "Log out (form: csrf).", "responses": {"303": {"description": "Logged out"}}}},
            "/dashboard/decide": {"post": {
                "summary": "Approve or reject (form: csrf, and either one=approve:ID|reject:ID with reason-ID, or action=approve|reject with ids=… and reason).",
                "responses": {"303": {"description": "Done; back to the queue"}, "400": {"description": "Bad form (HTML)"}, "403": {"description": "CSRF check failed (HTML)"}}
            }},
            "/dashboard/audit": {"get": {"summary": "Audit log (HTML).", "responses": {"200": {"description": "HTML page"}}}},
            "/healthz": {"get": {"summary": "200 when the database answers, else 503.", "responses": {"200": {"description": "ok"}, "503": {"description": "unavailable"}}}},
            "/metrics": {"get": {"summary": "Prometheus metrics.", "responses": {"200": {"description": "text exposition"}}}}
        },
        "components": {"schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                "type": "object", "required": ["code", "message", "message_en"],
                "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "message_en": {"type": "string"}, "field": {"type": "string"}}}}},
            "NewComment": {"type": "object", "additionalProperties": false, "required": ["article_id", "text"],
                "properties": {
                    "site_id": {"type": "string"}, "article_id": {"type": "string"},
                    "name": {"type": "string", "maxLength": 60, "description": "required unless user_token is given"},
                    "email": {"type": "string", "maxLength": 254, "description": "required unless user_token is given; never shown publicly"},
                    "title": {"type": "string", "maxLength": 120}, "text": {"type": "string", "maxLength": 3000},
                    "client_report": {"$ref": "#/components/schemas/Report"},
                    "website": {"type": "string", "description": "honeypot: must be empty"},
                    "user_token": {"type": "string", "description": "base64url(JSON {name,email,exp}).base64url(HMAC-SHA256)"}}},
            "PublicComment": {"type": "object", "properties": {
                "id": {"type": "integer"}, "name": {"type": "string"}, "title": {"type": "string"},
                "text": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"}}},
            "Report": {"type": "object", "description": "didgah_rules::Report: {outcome: pass|flag|block, rules: [{rule, outcome, score, findings: [{rule, code, outcome, message, spans: [{field, start, end}], evidence, score}]}]}"}
        }}
    })
}

pub async fn handler() -> Json<Value> {
    Json(document())
}
