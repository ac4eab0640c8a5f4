// Inside the embed page (`{base}/embed`): tells the page that frames it how tall the widget is,
// in the message WordPress's own embeds use (`{ message: 'height', value, secret }`), so that
// WordPress's wp-embed.js and this project's embed.js resize the frame alike. The secret comes in
// the frame's address (`#?secret=…`), as WordPress gives it; without one, or without a host
// script to listen, the frame keeps its own height and scrolls inside.
(() => {
  const content = document.querySelector('main');
  if (!content || window.parent === window) return;
  let sent = 0;
  const secret = () => /[#?&]secret=([A-Za-z0-9]{1,64})(?:&|$)/.exec(location.hash)?.[1];
  const send = (again = false) => {
    const value = Math.ceil(content.getBoundingClientRect().height);
    const key = secret();
    if (!key || (value === sent && !again)) return;
    sent = value;
    // The height is no secret: any page may frame the embed, so any page may read it.
    window.parent.postMessage({ message: 'height', value, secret: key }, '*');
  };
  new ResizeObserver(() => send()).observe(content);
  // A host script that arrives late, or gives the secret after the frame loaded, asks again.
  addEventListener('hashchange', () => send(true));
  addEventListener('message', (event) => {
    if (event.source === window.parent && event.data?.message === 'ready') send(true);
  });
})();
