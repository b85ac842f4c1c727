// Progressive enhancement of the operations console: a page marked `data-refresh` (an action still running)
// updates its `[data-live]` part once a second from the server, without a reload. Without script the page's
// "Refresh" link does the same.
const live = document.querySelector('[data-live]');
const every = Number(document.body.dataset.refresh);
if (live !== null && every > 0) {
  const tick = async () => {
    try {
      const response = await fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = next.querySelector('[data-live]');
      if (fresh !== null) live.replaceChildren(...fresh.childNodes);
      if (next.body.dataset.refresh === undefined) return;
    } catch {
      // A missed tick is retried on the next one.
    }
    setTimeout(tick, every);
  };
  setTimeout(tick, every);
}
