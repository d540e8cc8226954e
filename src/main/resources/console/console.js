// Progressive enhancement only: every page works without it.
// 1. A chosen notice file fills the document field (the form posts the text, as a paste would).
// 2. A notice page whose exchanges are still moving reloads its partner table every few seconds.
// 3. The first field error (or problem) gets the focus, so keyboard and screen-reader users land on it.
for (const input of document.querySelectorAll('input[type=file][data-fills]')) {
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (file) {
      document.getElementById(input.dataset.fills).value = await file.text();
    }
  });
}

const live = document.querySelector('[data-refresh]');
if (live && live.dataset.refresh) {
  const every = Number(live.dataset.refresh) * 1000;
  const refresh = async () => {
    const response = await fetch(location.pathname, { credentials: 'same-origin' });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.querySelector('[data-refresh]');
    if (fresh) {
      live.innerHTML = fresh.innerHTML;
      if (fresh.dataset.refresh) setTimeout(refresh, every);
    }
  };
  setTimeout(refresh, every);
}

const firstError = document.querySelector('[aria-invalid=true], #problem');
if (firstError) {
  firstError.focus();
}
