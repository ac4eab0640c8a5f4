// The optional script for a page that frames open-call-widgets' embeds (`{base}/embed.js`, also
// dist/cdn/embed.js): each `<iframe class="open-call-embed">` takes the height its widget says
// it needs, in the messages WordPress's embeds use (`{ message: 'height', value, secret }`). A frame
// is only ever resized by its own page: the message must come from that frame's window and carry
// the secret in its `data-secret`. Without this script a frame keeps its height and scrolls inside.
(() => {
  if (window.openCallEmbeds) return;
  window.openCallEmbeds = true;
  const lowest = 150;
  const highest = 4000;
  const selector = 'iframe.open-call-embed';

  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.message !== 'height' || typeof data.secret !== 'string' || /[^A-Za-z0-9]/.test(data.secret)) return;
    const value = Math.round(Number(data.value));
    if (!Number.isFinite(value)) return;
    for (const frame of document.querySelectorAll(`iframe[data-secret="${data.secret}"]`))
      if (frame.contentWindow === event.source) frame.height = String(Math.min(highest, Math.max(lowest, value)));
  });

  /** Gives a frame without a secret one (a change of its address's fragment, not a reload), then says hello. */
  const greet = (frame) => {
    if (!frame.dataset.secret) {
      const secret = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(36).padStart(2, '0')).join('');
      frame.dataset.secret = secret;
      frame.src = `${frame.src.split('#')[0]}#?secret=${secret}`;
    }
    frame.contentWindow?.postMessage({ message: 'ready', secret: frame.dataset.secret }, '*');
  };
  const greetAll = () => {
    for (const frame of document.querySelectorAll(selector)) {
      greet(frame);
      if (!frame.dataset.openCallGreeted) {
        frame.dataset.openCallGreeted = '';
        frame.addEventListener('load', () => greet(frame));
      }
    }
  };
  greetAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', greetAll);
})();
