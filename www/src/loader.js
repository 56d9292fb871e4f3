/* didgah loader: the one <script> a site owner embeds. It finds (or creates) the comment box,
   isolates it in a Shadow DOM root, shows a loading state, and fetches the wasm app (with the
   site's config, in parallel) only when the box comes near the viewport. The rules engine is a
   second wasm module that the app asks for, through options.engine, when the reader first
   focuses the form. It never throws into the host page: failures become a calm Persian message
   in the box and a console warning for the site owner.
   Attributes: data-server (default: this script's origin), data-site, data-article (required),
   data-container (element id; default: insert after this tag), data-article-selector,
   data-user-token (a signed token for a logged-in reader). */
(function () {
  // currentScript is null when the tag was added as a module or by a tag manager: fall back to
  // the first loader tag not handled yet.
  var script =
    document.currentScript || document.querySelector('script[src*="/www/loader.js"]:not([data-didgah-seen])');
  var registry = (window.__didgah = window.__didgah || {});
  var warn = function (msg) {
    if (window.console) console.warn('didgah: ' + msg);
  };
  try {
    if (!script) return warn('cannot find the loader <script> tag');
    script.setAttribute('data-didgah-seen', '');
    var data = script.dataset;
    var server = (data.server || new URL(script.src, location.href).origin).replace(/\/+$/, '');
    var article = data.article || '';
    var key = server + ' ' + (data.site || '') + ' ' + article;
    // The same tag twice (copy-paste, a theme and a plugin…): one widget only.
    if (registry[key]) return warn('widget for "' + article + '" is already on this page');
    registry[key] = 1;

    var host = data.container && document.getElementById(data.container);
    if (data.container && !host) warn('no element with id "' + data.container + '"; inserting after the script tag');
    if (!host) {
      host = document.createElement('div');
      script.parentNode.insertBefore(host, script.nextSibling);
    }
    if (host.shadowRoot) return warn('the comment box already has a shadow root');
    var root = host.attachShadow({ mode: 'open' });
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = server + '/www/widget.css';
    root.appendChild(css);
    var box = document.createElement('div');
    box.className = 'didgah';
    box.dir = 'rtl';
    box.lang = 'fa';
    var say = function (text, cls) {
      var p = document.createElement('p');
      p.className = cls;
      p.setAttribute('role', 'status');
      p.textContent = text;
      box.textContent = '';
      box.appendChild(p);
    };
    say('در حال بارگذاری دیدگاه‌ها…', 'loading');
    root.appendChild(box);

    // @font-face does not work from inside a shadow root: declare the font once in the page.
    if (!document.getElementById('didgah-font')) {
      var font = document.createElement('style');
      font.id = 'didgah-font';
      font.textContent =
        "@font-face{font-family:'didgah Vazirmatn';src:url('" + server +
        "/www/fonts/Vazirmatn-subset.woff2') format('woff2');font-weight:100 900;font-display:swap}";
      (document.head || document.documentElement).appendChild(font);
    }

    if (!article) {
      warn('data-article is missing on the loader tag');
      return say('بخش دیدگاه‌ها برای این صفحه پیکربندی نشده است.', 'notice');
    }

    var started = false;
    var start = function () {
      if (started) return;
      started = true;
      var pkg = server + '/www/pkg/didgah_';
      // A wasm-bindgen module: its glue, then its instance; resolves to its exports.
      var load = function (name) {
        return import(pkg + name + '.js').then(function (mod) {
          return mod.default({ module_or_path: pkg + name + '_bg.wasm' }).then(function () {
            return mod;
          });
        });
      };
      // The site's config, requested alongside the app instead of after it (one round trip
      // less before the form). The app reads the answer, or the failure (caught here for it).
      var config = window.fetch && fetch(server + '/api/sites/' + encodeURIComponent(data.site || 'demo') + '/config');
      if (config) config['catch'](function () {});
      var engine;
      load('widget')
        .then(function (mod) {
          box.textContent = '';
          mod.mount(box, {
            server: server,
            site: data.site || '',
            article: article,
            articleSelector: data.articleSelector || 'article',
            userToken: data.userToken || '',
            config: config,
            engine: function () {
              return engine || (engine = load('engine'));
            }
          });
        })
        .catch(function (err) {
          warn('could not load the widget from ' + server + ': ' + err);
          say('بخش دیدگاه‌ها اکنون در دسترس نیست. لطفاً کمی بعد دوباره سر بزنید.', 'notice');
        });
    };
    if ('IntersectionObserver' in window) {
      var io = new IntersectionObserver(
        function (entries) {
          for (var i = 0; i < entries.length; i++) {
            if (entries[i].isIntersecting) {
              io.disconnect();
              start();
            }
          }
        },
        { rootMargin: '600px 0px' }
      );
      io.observe(host);
    } else {
      start();
    }
  } catch (err) {
    warn('loader failed: ' + err);
  }
})();
