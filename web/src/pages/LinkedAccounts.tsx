/**
 * Linked accounts: meters and utility accounts whose bills Vendra fetches. Linking checks the
 * account with the provider and shows the name it is registered to; accounts can be renamed and
 * unlinked, and meters paid before are suggested.
 */
import { useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  LoadError,
  PageHeader,
  SelectField,
  TextField,
} from '../components/ui';
import { api, errorMessage } from '../lib/api';
import { categoryLabel } from '../lib/format';
import { useAsync, useTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import type { Biller, LinkedAccount, LinkSuggestion } from '../lib/types';

/** Categories that have bills to fetch, offered first. */
const BILL_CATEGORIES = ['electricity', 'water', 'gas', 'cable', 'internet'];

function LinkForm({ onLinked }: { onLinked: (a: LinkedAccount) => void }) {
  const billers = useAsync((signal) => api.get<{ data: Biller[] }>('/v1/billers', { signal }), []);
  const [billerId, setBillerId] = useState('');
  const [productCode, setProductCode] = useState('');
  const [customerRef, setCustomerRef] = useState('');
  const [nickname, setNickname] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const list = (billers.data?.data ?? []).filter((b) => BILL_CATEGORIES.includes(b.category));
  const biller = list.find((b) => b.id === billerId);
  const products = biller?.products ?? [];

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const linked = await api.post<LinkedAccount>('/v1/linked-accounts', {
        billerId,
        productCode: productCode || products[0]?.code,
        customerRef: customerRef.trim(),
        ...(nickname.trim() ? { nickname: nickname.trim() } : {}),
      });
      setCustomerRef('');
      setNickname('');
      onLinked(linked);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} data-testid="link-form" class="stack">
      <SelectField
        label="Biller"
        name="billerId"
        required
        value={billerId}
        placeholder="Choose a biller"
        onValue={(v) => {
          setBillerId(v);
          setProductCode('');
        }}
        options={list.map((b) => ({ value: b.id, label: `${categoryLabel(b.category)} · ${b.name}` }))}
      />
      {products.length > 1 && (
        <SelectField
          label="Product"
          name="productCode"
          value={productCode || (products[0]?.code ?? '')}
          onValue={setProductCode}
          options={products.map((p) => ({ value: p.code, label: p.name }))}
        />
      )}
      <TextField
        label={biller?.customerRefLabel ?? 'Account or meter number'}
        name="customerRef"
        required
        inputMode="numeric"
        value={customerRef}
        onValue={setCustomerRef}
      />
      <TextField label="Nickname (optional)" name="nickname" value={nickname} onValue={setNickname} />
      {error && (
        <Alert kind="error" testId="link-error">
          {error}
        </Alert>
      )}
      <Button
        type="submit"
        loading={busy}
        disabled={!billerId || !customerRef.trim()}
        data-testid="link-submit"
      >
        Verify and link
      </Button>
    </form>
  );
}

function AccountRow({ account, onChanged }: { account: LinkedAccount; onChanged: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const [nickname, setNickname] = useState(account.nickname);
  const [error, setError] = useState<string | undefined>();

  async function rename(e: Event) {
    e.preventDefault();
    try {
      await api.patch(`/v1/linked-accounts/${account.id}`, { nickname: nickname.trim() });
      setRenaming(false);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  async function unlink() {
    if (!window.confirm(`Unlink ${account.nickname}?`)) return;
    try {
      await api.delete(`/v1/linked-accounts/${account.id}`);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <li class="list-row" data-testid="linked-account">
      <div>
        <strong data-testid="linked-nickname">{account.nickname}</strong>
        <div class="muted">
          {account.billerName} · {account.customerRef}
        </div>
        <div class="muted" data-testid="linked-verified-name">
          {account.customerName}
          {account.address ? `, ${account.address}` : ''}
        </div>
        {error && <Alert kind="error">{error}</Alert>}
        {renaming && (
          <form onSubmit={rename} class="inline-form">
            <TextField label="New nickname" name="nickname" required value={nickname} onValue={setNickname} />
            <Button type="submit" size="sm" data-testid="rename-save">
              Save
            </Button>
          </form>
        )}
      </div>
      <div class="row-actions">
        <Button variant="secondary" size="sm" onClick={() => setRenaming(!renaming)} data-testid="rename">
          Rename
        </Button>
        <Button variant="ghost" size="sm" onClick={unlink} data-testid="unlink">
          Unlink
        </Button>
      </div>
    </li>
  );
}

function Suggestions({ items, onLinked }: { items: LinkSuggestion[]; onLinked: () => void }) {
  const [error, setError] = useState<string | undefined>();
  if (items.length === 0) return null;
  async function link(s: LinkSuggestion) {
    try {
      await api.post('/v1/linked-accounts', {
        billerId: s.billerId,
        productCode: s.productCode,
        customerRef: s.customerRef,
      });
      onLinked();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <Card title="Paid before — link them?">
      {error && <Alert kind="error">{error}</Alert>}
      <ul class="list" data-testid="link-suggestions">
        {items.map((s) => (
          <li
            key={`${s.billerId}|${s.productCode}|${s.customerRef}`}
            class="list-row"
            data-testid="suggestion"
          >
            <div>
              <strong>{s.customerName ?? s.customerRef}</strong>
              <div class="muted">
                {s.billerName} · {s.customerRef}
              </div>
            </div>
            <Button size="sm" variant="secondary" onClick={() => link(s)} data-testid="suggestion-link">
              Link
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function LinkedAccountsPage() {
  useTitle('Linked accounts');
  const accounts = useAsync(
    (signal) => api.get<{ data: LinkedAccount[] }>('/v1/linked-accounts', { signal }),
    [],
  );
  const suggestions = useAsync(
    (signal) => api.get<{ data: LinkSuggestion[] }>('/v1/linked-accounts/suggestions', { signal }),
    [],
  );
  const [linked, setLinked] = useState<LinkedAccount | undefined>();
  const reload = () => {
    void accounts.reload();
    void suggestions.reload();
  };
  const list = accounts.data?.data ?? [];

  return (
    <div class="page narrow">
      <PageHeader
        title="Linked accounts"
        subtitle="Meters and utility accounts whose bills we fetch for you (up to 20)."
        actions={<Link href="/bills/due">Bills due</Link>}
      />
      {linked && (
        <Alert kind="success" testId="linked-ok">
          Linked {linked.billerName} {linked.customerRef}: registered to {linked.customerName}
          {linked.address ? `, ${linked.address}` : ''}.
        </Alert>
      )}
      <Card title="Link an account">
        <LinkForm
          onLinked={(a) => {
            setLinked(a);
            reload();
          }}
        />
      </Card>
      <Suggestions items={suggestions.data?.data ?? []} onLinked={reload} />
      <Card title="Your accounts">
        {accounts.error ? (
          <LoadError error={accounts.error} onRetry={accounts.reload} />
        ) : list.length === 0 && !accounts.loading ? (
          <EmptyState title="No linked accounts yet" />
        ) : (
          <ul class="list" data-testid="linked-accounts">
            {list.map((a) => (
              <AccountRow key={a.id} account={a} onChanged={reload} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
