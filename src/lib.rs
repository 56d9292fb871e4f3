//! The didgah comment box: a Yew app mounted by `www/loader.js` into the host page.
