/*
 * OpenCDP tracker v1: consent-first page analytics, no dependencies. tracking-service serves it minified at
 * /tracker/v1/cdp.js; the protocol it speaks is in tracking-service/README.md, section "Tracker protocol".
 *
 * Until the page's consent banner calls consent(true), it reads and writes no storage, sends nothing and listens
 * to nothing: it only defines window.cdpTracker and runs what the page queued on window.cdp. consent(false) stops
 * it and deletes what it stored.
 */
((window, document) => {
  if (window.cdpTracker) {
    return; // embedded twice: the first copy runs
  }

  const SESSION_TIMEOUT_MS = 30 * 60 * 1000;
  const BATCH_SIZE = 20;
  const SEND_EVERY_MS = 10000;
  // Without a Retry-After, a batch the service could not take is tried again after 5 s, 10 s, 20 s ... at most 5 min.
  const FIRST_BACKOFF_MS = 5000;
  const MAX_BACKOFF_MS = 300000;
  // While the service cannot take events, memory holds at most this many; the oldest go first.
  const MAX_QUEUED = 200;
  const VISITOR_KEY = 'cdp_vid';
  const SESSION_KEY = 'cdp_session'; // "<session id>.<time of the last event, ms since 1970>"
  const ID = /^[0-9a-f]{32}$/;

  const script = document.currentScript;
  const siteKey = script && script.dataset.siteKey;
  const collectUrl = siteKey
    && (script.dataset.endpoint || new URL(script.src).origin) + '/api/v1/collect/' + encodeURIComponent(siteKey);

  let consented = false;
  let visitor = '';       // handed out by visitorId(), or the stored one once consent is given
  let session = '';       // the last value written to SESSION_KEY, for when storage is blocked
  let queue = [];
  let epoch = 0;          // counts withdrawals: an answer to a batch sent before one must not bring it back
  let sending = false;
  let failures = 0;
  let retryAt = 0;
  let retryTimer = 0;
  let sendTimer = 0;
  let listening = null;   // AbortController of the listeners that record, which exist only with consent
  let visibleSince = 0;   // when the page last became visible; 0 while hidden
  let maxScroll = 0;

  // Storage can be blocked (privacy modes, iframes): the tracker then keeps its ids for the life of the page.
  const read = key => {
    try {
      return localStorage.getItem(key) || '';
    } catch (blocked) {
      return '';
    }
  };
  const write = (key, value) => {
    try {
      value ? localStorage.setItem(key, value) : localStorage.removeItem(key);
    } catch (blocked) {
      // nothing stored, nothing to delete
    }
  };

  const randomId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)),
    byte => (byte + 256).toString(16).slice(1)).join('');

  const sessionId = () => {
    const now = Date.now();
    const [id, lastEvent] = (read(SESSION_KEY) || session).split('.');
    session = (ID.test(id) && now - lastEvent < SESSION_TIMEOUT_MS ? id : randomId()) + '.' + now;
    write(SESSION_KEY, session);
    return session.split('.')[0];
  };

  const record = (type, fields) => {
    if (!consented) {
      return;
    }
    queue.push(Object.assign({
      type,
      visitorId: visitor,
      sessionId: sessionId(),
      url: location.href.split('#')[0], // fragments can carry tokens and never reach a server otherwise
      clientTime: new Date().toISOString()
    }, fields));
    queue.splice(0, queue.length - MAX_QUEUED);
    if (queue.length >= BATCH_SIZE) {
      send();
    }
  };

  const body = batch => JSON.stringify({events: batch});

  // A string body goes as text/plain;charset=UTF-8, which CORS allows without a preflight.
  const send = () => {
    if (sending || !queue.length || Date.now() < retryAt) {
      return;
    }
    const batch = queue.splice(0, BATCH_SIZE);
    const sentIn = epoch;
    const keep = retryAfterSeconds => {
      if (sentIn === epoch) {
        queue = batch.concat(queue);
        const wait = retryAfterSeconds > 0 ? retryAfterSeconds * 1000
          : Math.min(FIRST_BACKOFF_MS * 2 ** failures, MAX_BACKOFF_MS);
        failures++;
        retryAt = Date.now() + wait;
        retryTimer = setTimeout(send, wait);
      }
    };
    sending = true;
    fetch(collectUrl, {method: 'POST', body: body(batch), keepalive: true})
      .then(response => {
        const status = response.status;
        // 429 and 5xx (503: consent cannot be decided now) are worth another try; any other answer is final,
        // 400 and 413 included: the same batch would be refused again.
        if (status === 429 || status > 499) {
          keep(+response.headers.get('Retry-After'));
        } else {
          failures = 0;
        }
      }, () => keep(0))
      .then(() => {
        sending = false;
        if (queue.length >= BATCH_SIZE) {
          send();
        }
      });
  };

  // The page may never run again after it is hidden, and sendBeacon is the one way a request outlives it.
  const sendByBeacon = () => {
    while (queue.length) {
      const batch = queue.splice(0, BATCH_SIZE);
      if (!navigator.sendBeacon(collectUrl, body(batch))) {
        queue = batch.concat(queue);
        return;
      }
    }
  };

  const measureScroll = () => {
    const seen = (scrollY + innerHeight) / document.documentElement.scrollHeight * 100;
    maxScroll = Math.max(maxScroll, Math.min(100, Math.round(seen)));
  };

  const pageView = () => {
    maxScroll = 0;
    measureScroll();
    visibleSince = document.visibilityState === 'visible' ? Date.now() : 0;
    record('page_view', {referrer: document.referrer || undefined});
  };

  // Sent each time the page is hidden (tab switch, navigation, closing): dwellMs is the visible time since the page
  // was shown or last hidden, scrollDepth the maximum of this page view so far.
  const hide = () => {
    if (visibleSince) {
      record('page_leave', {dwellMs: Date.now() - visibleSince, scrollDepth: maxScroll});
      visibleSince = 0;
    }
    sendByBeacon();
  };

  const onClick = event => {
    const marked = event.target.closest && event.target.closest('[data-cdp-track]');
    if (marked) {
      record('click', {element: marked.getAttribute('data-cdp-track')});
    }
  };

  const start = () => {
    const stored = read(VISITOR_KEY);
    visitor = visitor || (ID.test(stored) ? stored : randomId());
    write(VISITOR_KEY, visitor);
    listening = new AbortController();
    const options = {capture: true, passive: true, signal: listening.signal};
    addEventListener('click', onClick, options);
    addEventListener('scroll', measureScroll, options);
    addEventListener('visibilitychange', () => document.visibilityState === 'hidden' ? hide()
      : visibleSince = visibleSince || Date.now(), options);
    addEventListener('pagehide', hide, options);
    addEventListener('pageshow', event => event.persisted && pageView(), options); // back from the bfcache
    // Consent withdrawn in another tab of this site: stop here too.
    addEventListener('storage', event => (event.key === VISITOR_KEY || event.key === null) && !event.newValue
      && consent(false), options);
    sendTimer = setInterval(() => document.visibilityState === 'visible' && send(), SEND_EVERY_MS);
    pageView();
  };

  const stop = () => {
    epoch++;
    if (listening) {
      listening.abort();
    }
    clearInterval(sendTimer);
    clearTimeout(retryTimer);
    queue = [];
    visitor = session = '';
    failures = retryAt = visibleSince = 0;
    write(VISITOR_KEY);
    write(SESSION_KEY);
  };

  const consent = granted => {
    if (!granted) {
      consented = false;
      stop();
    } else if (!consented && collectUrl) {
      consented = true;
      start();
    }
  };

  const flat = properties => {
    const values = {};
    Object.keys(properties || {}).forEach(key => {
      if (/^(string|number|boolean)$/.test(typeof properties[key])) {
        values[key] = properties[key];
      }
    });
    return values;
  };

  const api = {
    consent,
    visitorId: () => visitor || (visitor = randomId()),
    track: (name, properties) => record('custom', {name: '' + name, properties: flat(properties)}),
    hasConsent: () => consented
  };

  // A queued command is [name, ...arguments] or a function called with the API.
  const run = command => typeof command === 'function' ? command(api)
    : api[command[0]] && api[command[0]].apply(0, command.slice(1));
  const queued = window.cdp;
  window.cdpTracker = api;
  window.cdp = {push: run};
  if (!siteKey) {
    console.warn('cdp.js: data-site-key is missing on its script tag, so it will not track');
  }
  [].concat(queued || []).forEach(run);
})(window, document);
