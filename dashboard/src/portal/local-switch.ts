/**
 * Only on the local server (`vss start`, which says so in /api/me): a selector that makes the page
 * act as a chosen province, through a cookie only the local server reads. In AWS the province is
 * the signed session's and this control never appears.
 */
import { LOCAL_PROVINCE_COOKIE } from '../../../core/contracts/api-types.ts';
import { pick } from '../i18n.ts';
import type { Me } from './api-client.ts';
import { byId, el } from './dom.ts';
import { PORTAL_TEXT } from '../../../core/messages/index.ts';

export function showLocalSwitch(me: Me, changed: () => void): void {
  const select = el('select', { id: 'as-province' }, [
    el('option', { value: '' }, ['—']),
    ...(me.units ?? []).map((u) =>
      el('option', { value: u.code }, [`${u.code} ${u.name} (${u.generation})`]),
    ),
  ]);
  select.value = me.scope ?? '';
  select.addEventListener('change', () => {
    document.cookie = `${LOCAL_PROVINCE_COOKIE}=${select.value}; path=/; SameSite=Strict`;
    changed();
  });
  byId('local-switch').replaceChildren(
    el('label', { for: 'as-province' }, [pick(PORTAL_TEXT.localSwitch)]),
    select,
  );
  byId('local-switch').hidden = false;
}
