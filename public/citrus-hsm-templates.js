// <citrus-hsm-templates> — the HSM template admin as a custom element.
//
//   <script type="module" src="/static/hsm/citrus-hsm-templates.js"></script>
//   <citrus-hsm-templates api-base="https://api.citrus…" base-path="/admin/…/whatsapp-hsm"
//                         locale="pt-BR" credentials="include" user-id="…"></citrus-hsm-templates>
//   element.token = "…";           // bearer token (property, never an attribute)
//   element.getToken = async () => "…";   // or a callback asked before each request
//   await element.clearDrafts();   // at logout: forgets the unsaved drafts of user-id
//
// Mounts on connect, unmounts on disconnect, follows attribute changes. The app module is
// loaded from next to this file, once, whatever the number of elements; the list's first API
// request starts at once, in parallel with it (hsm-prefetch.js).

import { prefetchList } from './hsm-prefetch.js';

// The cold load's phases, as the standalone page marks them (docs/performance.md).
performance.mark('hsm:boot');

const moduleUrl = new URL('./hsm-admin.js', import.meta.url);
let loading = null;

/** The initialised wasm module (loaded on first use). */
function loadApp() {
  loading ??= import(moduleUrl.href).then(async (app) => {
    performance.mark('hsm:init');
    await app.default();
    return app;
  });
  return loading;
}

class CitrusHsmTemplates extends HTMLElement {
  static observedAttributes = ['api-base', 'base-path', 'locale', 'credentials', 'user-id'];

  #handle = null;
  #token = null;
  #getToken = null;
  // Bumped on every (un)mount so a slow module load never mounts a disconnected element.
  #generation = 0;

  get token() {
    return this.#token;
  }

  set token(value) {
    this.#token = value || null;
    this.#handle?.setToken(this.#token);
  }

  get getToken() {
    return this.#getToken;
  }

  set getToken(fn) {
    this.#getToken = typeof fn === 'function' ? fn : null;
    if (this.#handle) this.#remount();
  }

  /**
   * Forgets every unsaved draft of this element's `user-id` on its `api-base` (call it at
   * logout), mounted or not. Resolves once done.
   */
  async clearDrafts() {
    const app = await loadApp();
    if (this.#handle) this.#handle.clearDrafts();
    else app.clearDrafts(this.#config());
  }

  connectedCallback() {
    this.#mount();
  }

  disconnectedCallback() {
    this.#unmount();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#handle || oldValue === newValue) return;
    if (name === 'locale') {
      try {
        this.#handle.setLocale(newValue || 'pt-BR');
      } catch (e) {
        console.error(e);
      }
    } else {
      this.#remount();
    }
  }

  #config() {
    const config = {
      apiBaseUrl: this.getAttribute('api-base') ?? '',
      basePath: this.getAttribute('base-path') ?? '',
      locale: this.getAttribute('locale') || 'pt-BR',
    };
    const credentials = this.getAttribute('credentials');
    if (credentials) config.credentials = credentials;
    const userId = this.getAttribute('user-id');
    if (userId) config.userId = userId;
    if (this.#token) config.token = this.#token;
    if (this.#getToken) config.getToken = this.#getToken;
    return config;
  }

  async #mount() {
    const generation = ++this.#generation;
    // The list's first page comes while the module loads (the app takes it when it mounts),
    // and is painted as soon as it is in (hsm-first-paint.js, absent from the unsplit dev
    // builds). The app's start-up waits for that painting, as on the standalone page.
    if (!this.#handle) {
      prefetchList(this.#config());
      const painted = import('./hsm-first-paint.js')
        .then(({ paintList }) => paintList(this, this.#config()))
        .catch(() => false);
      await Promise.race([painted, new Promise((done) => setTimeout(done, 3000))]);
    }
    const app = await loadApp();
    if (generation !== this.#generation || !this.isConnected || this.#handle) return;
    try {
      this.#handle = app.mount(this, this.#config());
      this.dispatchEvent(new CustomEvent('hsm:ready', { bubbles: true }));
    } catch (e) {
      console.error(e);
      this.dispatchEvent(new CustomEvent('hsm:error', { bubbles: true, detail: String(e) }));
    }
  }

  #unmount() {
    this.#generation++;
    if (this.#handle) {
      this.#handle.unmount();
      this.#handle.free();
      this.#handle = null;
    }
  }

  #remount() {
    this.#unmount();
    this.#mount();
  }
}

if (!customElements.get('citrus-hsm-templates')) {
  customElements.define('citrus-hsm-templates', CitrusHsmTemplates);
}
