/**
 * The biller registry in the console: billers enabled or disabled, their bounds, fee and
 * expected commission, products with fixed prices and their price history, and "Sync" to read
 * fixed prices from the provider now. Every change asks for a reason (it goes to the audit log).
 */
import { useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  LoadError,
  Money,
  PageHeader,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage } from '../../lib/api';
import { categoryLabel, formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link } from '../../lib/router';
import type { AdminBiller, PriceChange, SyncResult } from '../../lib/types';

const askReason = (what: string) => window.prompt(`Reason (${what})`)?.trim();

function useBillers() {
  return useAsync((signal) => api.get<{ data: AdminBiller[] }>('/v1/admin/billers', { signal }), []);
}

async function setEnabled(b: AdminBiller, enabled: boolean, done: () => void, fail: (m: string) => void) {
  const reason = askReason(enabled ? 'enable' : 'disable');
  if (!reason || reason.length < 3) return;
  try {
    await api.patch(`/v1/admin/billers/${b.id}`, { enabled, reason });
    done();
  } catch (e) {
    fail(errorMessage(e));
  }
}

export function BillersPage() {
  useTitle('Billers');
  const billers = useBillers();
  const [error, setError] = useState<string | undefined>();
  return (
    <div class="page">
      <PageHeader title="Billers" subtitle="The registry: providers' billers, their products and prices." />
      {error && <Alert kind="error">{error}</Alert>}
      {billers.error ? (
        <LoadError error={billers.error} onRetry={billers.reload} />
      ) : (
        <div class="table-wrap">
          <table class="table" data-testid="billers-table">
            <thead>
              <tr>
                <th scope="col">Biller</th>
                <th scope="col">Category</th>
                <th scope="col">Service id</th>
                <th scope="col">Products</th>
                <th scope="col">Status</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {(billers.data?.data ?? []).map((b) => (
                <tr key={b.id} data-testid={`biller-${b.id}`}>
                  <td>
                    <Link href={`/admin/billers/${b.id}`}>{b.name}</Link>
                  </td>
                  <td>{categoryLabel(b.category)}</td>
                  <td>{b.serviceId}</td>
                  <td>{b.products.length}</td>
                  <td>
                    <StatusBadge
                      status={b.enabled ? 'active' : 'disabled'}
                      label={b.enabled ? 'Enabled' : 'Disabled'}
                    />
                  </td>
                  <td>
                    <Button
                      size="sm"
                      variant="secondary"
                      data-testid="biller-toggle"
                      onClick={() => setEnabled(b, !b.enabled, billers.reload, setError)}
                    >
                      {b.enabled ? 'Disable' : 'Enable'}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function EditBiller({ biller, onSaved }: { biller: AdminBiller; onSaved: () => void }) {
  const [name, setName] = useState(biller.name);
  const [min, setMin] = useState(String(biller.minAmount));
  const [max, setMax] = useState(String(biller.maxAmount));
  const [commission, setCommission] = useState(String(biller.commissionBps));
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  async function save(e: Event) {
    e.preventDefault();
    const reason = askReason('edit');
    if (!reason || reason.length < 3) return;
    try {
      await api.patch(`/v1/admin/billers/${biller.id}`, {
        name: name.trim(),
        minAmount: Number(min),
        maxAmount: Number(max),
        commissionBps: Number(commission),
        reason,
      });
      setSaved(true);
      setError(undefined);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form onSubmit={save} class="stack" data-testid="biller-edit">
      <TextField label="Name" name="name" value={name} onValue={setName} />
      <TextField label="Minimum (kobo)" name="minAmount" inputMode="numeric" value={min} onValue={setMin} />
      <TextField label="Maximum (kobo)" name="maxAmount" inputMode="numeric" value={max} onValue={setMax} />
      <TextField
        label="Expected commission (basis points)"
        name="commissionBps"
        inputMode="numeric"
        value={commission}
        onValue={setCommission}
      />
      {error && <Alert kind="error">{error}</Alert>}
      {saved && <Alert kind="success">Saved.</Alert>}
      <Button type="submit" data-testid="biller-save">
        Save
      </Button>
    </form>
  );
}

function Products({ biller, onChanged }: { biller: AdminBiller; onChanged: () => void }) {
  const [error, setError] = useState<string | undefined>();
  async function setPrice(code: string, name: string, kind: string, enabled: boolean | undefined) {
    const raw = window.prompt(`New fixed price of ${name} (kobo)`);
    if (!raw || !/^\d+$/.test(raw.trim())) return;
    const reason = askReason('price');
    if (!reason || reason.length < 3) return;
    try {
      await api.put(`/v1/admin/billers/${biller.id}/products/${code}`, {
        name,
        kind,
        fixedAmount: Number(raw.trim()),
        enabled: enabled ?? true,
        reason,
      });
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <>
      {error && <Alert kind="error">{error}</Alert>}
      <div class="table-wrap">
        <table class="table" data-testid="products-table">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Price</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {biller.products.map((p) => (
              <tr key={p.code} data-testid={`product-${p.code}`}>
                <td>{p.code}</td>
                <td>{p.name}</td>
                <td>{p.kind}</td>
                <td>
                  {p.fixedAmount === null ? (
                    'customer chooses'
                  ) : (
                    <Money amount={p.fixedAmount} currency="NGN" />
                  )}
                </td>
                <td>
                  {p.fixedAmount !== null && (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setPrice(p.code, p.name, p.kind, p.enabled)}
                    >
                      Set price
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function PriceHistory({ items }: { items: PriceChange[] }) {
  if (items.length === 0) return <p class="muted">No price changes recorded.</p>;
  return (
    <div class="table-wrap">
      <table class="table" data-testid="price-history">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Product</th>
            <th scope="col">Old</th>
            <th scope="col">New</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-testid="price-change">
              <td>{formatDateTime(c.at)}</td>
              <td>{c.productCode}</td>
              <td>{c.oldAmount === null ? '—' : <Money amount={c.oldAmount} currency="NGN" />}</td>
              <td>
                <Money amount={c.newAmount} currency="NGN" />
              </td>
              <td>{c.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function BillerDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  useTitle('Biller');
  const billers = useBillers();
  const history = useAsync(
    (signal) => api.get<{ data: PriceChange[] }>(`/v1/admin/billers/${id}/price-history`, { signal }),
    [id],
  );
  const [sync, setSync] = useState<SyncResult | undefined>();
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const biller = billers.data?.data.find((b) => b.id === id);
  const reload = () => {
    void billers.reload();
    void history.reload();
  };
  async function runSync() {
    setSyncing(true);
    setError(undefined);
    try {
      setSync(await api.post<SyncResult>(`/v1/admin/billers/${id}/sync`));
      reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSyncing(false);
    }
  }
  if (billers.error) return <LoadError error={billers.error} onRetry={billers.reload} />;
  if (!biller) return <div class="page" />;
  return (
    <div class="page">
      <PageHeader
        title={biller.name}
        subtitle={`${categoryLabel(biller.category)} · service ${biller.serviceId} · providers ${biller.providers.join(', ')}`}
        back={<Link href="/admin/billers">All billers</Link>}
        actions={
          <Button onClick={runSync} loading={syncing} data-testid="biller-sync">
            Sync prices
          </Button>
        }
      />
      {error && <Alert kind="error">{error}</Alert>}
      {sync && (
        <Alert kind="success" testId="sync-result">
          {sync.variations} variations read; {sync.changes.length} price change
          {sync.changes.length === 1 ? '' : 's'}.
        </Alert>
      )}
      <Card title="Details">
        <EditBiller biller={biller} onSaved={reload} />
      </Card>
      <Card title="Products and variations">
        <Products biller={biller} onChanged={reload} />
      </Card>
      <Card title="Price history">
        <PriceHistory items={history.data?.data ?? []} />
      </Card>
    </div>
  );
}
