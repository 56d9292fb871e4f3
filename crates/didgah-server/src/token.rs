//! Signed user tokens: how a site's logged-in readers post under their account name.
//!
//! Format: `base64url(payload) "." base64url(signature)`, both without padding, where
//! `payload` is the UTF-8 JSON `{"name": "…", "email": "…", "exp": <Unix seconds>}` and
//! `signature = HMAC-SHA256(site.token_secret, base64url(payload))` — the MAC covers the encoded
//! payload exactly as sent. The site's backend makes the token when it renders the page and puts
//! it where the widget can read it; the server checks the signature (in constant time) and the
//! expiry, then stores the comment under the token's name and email.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

type HmacSha256 = Hmac<Sha256>;

/// A token's claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserClaims {
    pub name: String,
    pub email: String,
    /// Expiry, Unix seconds.
    pub exp: i64,
}

/// Why a token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    Malformed,
    BadSignature,
    Expired,
}

/// Makes a token (for site backends written in Rust, and for tests).
pub fn sign(claims: &UserClaims, secret: &[u8]) -> String {
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap_or_default());
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(payload.as_bytes());
    let sig = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    format!("{payload}.{sig}")
}

/// Checks a token against `secret` at time `now` (Unix seconds).
pub fn verify(token: &str, secret: &[u8], now: i64) -> Result<UserClaims, TokenError> {
    let (payload, sig) = token.split_once('.').ok_or(TokenError::Malformed)?;
    let sig = URL_SAFE_NO_PAD
        .decode(sig)
        .map_err(|_| TokenError::Malformed)?;
    let mut mac = HmacSha256::new_from_slice(secret).expect("HMAC takes keys of any length");
    mac.update(payload.as_bytes());
    mac.verify_slice(&sig)
        .map_err(|_| TokenError::BadSignature)?;
    let json = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| TokenError::Malformed)?;
    let claims: UserClaims = serde_json::from_slice(&json).map_err(|_| TokenError::Malformed)?;
    if claims.exp <= now {
        return Err(TokenError::Expired);
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(exp: i64) -> UserClaims {
        UserClaims {
            name: "مریم".into(),
            email: "maryam@example.ir".into(),
            exp,
        }
    }

    #[test]
    fn round_trip_and_refusals() {
        let token = sign(&claims(2_000), b"secret");
        assert_eq!(verify(&token, b"secret", 1_000), Ok(claims(2_000)));
        assert_eq!(
            verify(&token, b"other", 1_000),
            Err(TokenError::BadSignature)
        );
        assert_eq!(verify(&token, b"secret", 2_000), Err(TokenError::Expired));
        assert_eq!(verify("no-dot", b"secret", 0), Err(TokenError::Malformed));
        // A payload swapped under a valid signature fails.
        let other = sign(&claims(9_999), b"secret");
        let forged = format!(
            "{}.{}",
            other.split('.').next().unwrap(),
            token.split('.').nth(1).unwrap()
        );
        assert_eq!(verify(&forged, b"secret", 0), Err(TokenError::BadSignature));
    }
}
