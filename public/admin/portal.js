// The demo portal's own script (a file, not inline, so a strict Content-Security-Policy allows
// it): a language switch, a user switch standing in for the portal's login, a logout that
// clears the user's unsaved drafts, and a log of the app's events.
const hsm = document.getElementById('hsm');
const locale = document.getElementById('portal-locale');
const user = document.getElementById('portal-user');
const log = document.getElementById('portal-log');
const params = new URLSearchParams(location.search);

if (params.get('locale')) {
  locale.value = params.get('locale');
  hsm.setAttribute('locale', locale.value);
}
if (params.get('user')) {
  user.value = params.get('user');
  hsm.setAttribute('user-id', user.value);
}
locale.addEventListener('change', () => hsm.setAttribute('locale', locale.value));
// Another admin signs in at the same workstation: the app remounts as that user.
user.addEventListener('change', () => hsm.setAttribute('user-id', user.value));
document.getElementById('portal-logout').addEventListener('click', async () => {
  await hsm.clearDrafts();
  log.textContent = `logout ${hsm.getAttribute('user-id')}: drafts cleared`;
});
for (const name of ['hsm:unauthorized', 'hsm:saved', 'hsm:deleted']) {
  hsm.addEventListener(name, (e) => {
    log.textContent = `${name} ${JSON.stringify(e.detail)}`;
  });
}
