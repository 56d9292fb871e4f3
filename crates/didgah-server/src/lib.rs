//! The didgah queue server (axum): public comment API, moderator dashboard, storage.
