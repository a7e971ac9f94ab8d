import { useState } from 'preact/hooks';
import { WalletCard } from '../../components/WalletCard';
import {
  Alert,
  Button,
  Card,
  DefinitionList,
  EmptyState,
  LoadError,
  PageHeader,
  Skeleton,
  Spinner,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, normalizePage, qs } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link, navigate, useLocation } from '../../lib/router';
import type { AdminUser, AdminUserDetail, FundingAccount, Wallet } from '../../lib/types';
import { FreezeControl } from './FreezeControl';
import { PndControl } from './PndControl';
import { ROLE_LABELS, RoleControl } from './RoleControl';
import { AdjustmentForm } from './AdjustmentForm';
import { CustomerActivity, CustomerStaffHistory } from './CustomerHistory';
import { CustomerKyc } from './CustomerKyc';
import { CustomerSessions } from './CustomerSessions';
import { useSession } from '../../lib/session';

export function CustomersPage() {
  useTitle('Customers · Console');
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const staff = query.get('staff') === 'true';
  const [draft, setDraft] = useState(q);
  const { data, error, loading, reload } = useAsync(
    async (signal) =>
      normalizePage(
        await api.get<{ data?: AdminUser[]; items?: AdminUser[] }>(
          `/v1/admin/users${qs({ q, staff: staff ? 'true' : undefined })}`,
          { signal },
        ),
      ),
    [q, staff],
  );
  return (
    <div class="page wide">
      <PageHeader
        title={staff ? 'Staff' : 'Customers'}
        subtitle={
          staff
            ? "Everyone with a staff role. Admins change a role from the person's page."
            : 'Find a customer by name, email or phone.'
        }
        actions={
          <Link
            href={staff ? '/admin/customers' : '/admin/customers?staff=true'}
            class="link"
            data-testid="staff-toggle"
          >
            {staff ? 'All people' : 'Staff and roles'}
          </Link>
        }
      />
      <Card>
        <form
          class="filter-grid"
          onSubmit={(e) => {
            e.preventDefault();
            navigate(`/admin/customers${qs({ q: draft.trim(), staff: staff ? 'true' : undefined })}`, {
              replace: true,
            });
          }}
        >
          <TextField
            label="Search customers"
            name="q"
            id="customer-q"
            value={draft}
            onValue={setDraft}
            placeholder="Name, email or phone"
          />
          <div class="filter-buttons">
            <Button type="submit">Search</Button>
          </div>
        </form>
      </Card>
      <Card>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={5} />
        ) : !data?.data.length ? (
          <EmptyState title="No customers found">Check the spelling or search by email.</EmptyState>
        ) : (
          <div class="table-wrap">
            <table class="table" data-testid="customers-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Role</th>
                  <th scope="col">Status</th>
                  <th scope="col">Joined</th>
                </tr>
              </thead>
              <tbody>
                {data.data.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <Link href={`/admin/customers/${u.id}`} class="link">
                        {u.fullName}
                      </Link>
                    </td>
                    <td>{u.email}</td>
                    <td>{u.phone ?? '—'}</td>
                    <td data-testid="person-role">{u.role}</td>
                    <td>
                      <StatusBadge status={u.status} />
                    </td>
                    <td>{formatDateTime(u.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

/** The customer's bank account numbers (dedicated accounts) and their state. */
function FundingAccounts({ userId }: { userId: string }) {
  const { data, error, reload } = useAsync(
    (signal) =>
      api.get<{ data: FundingAccount[] }>(`/v1/admin/users/${encodeURIComponent(userId)}/funding-accounts`, {
        signal,
      }),
    [userId],
  );
  return (
    <Card title="Bank account numbers" testId="customer-funding-accounts">
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <Skeleton lines={2} />
      ) : !data.data.length ? (
        <p class="muted">None requested yet.</p>
      ) : (
        data.data.map((f) => (
          <DefinitionList
            key={f.walletId}
            items={[
              ['Currency', f.currency],
              ['Status', <StatusBadge status={f.status} />],
              ['Account number', <span class="mono">{f.accountNumber ?? '—'}</span>],
              ['Bank', f.bankName ?? '—'],
              ['Account name', f.accountName ?? '—'],
              ...(f.failureReason ? ([['Refused', f.failureReason]] as [string, string][]) : []),
              ['Assigned', f.assignedAt ? formatDateTime(f.assignedAt) : '—'],
            ]}
          />
        ))
      )}
    </Card>
  );
}

export function CustomerDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  useTitle('Customer · Console');
  const { data, error, reload } = useAsync(
    async (signal) => {
      const user = await api.get<AdminUserDetail>(`/v1/admin/users/${encodeURIComponent(id)}`, { signal });
      // The contract puts wallets on the user; fetch them separately when the answer has none.
      if (!Array.isArray(user.wallets)) {
        const { data } = await api.get<{ data: Wallet[] }>(
          `/v1/admin/users/${encodeURIComponent(id)}/wallets`,
          { signal },
        );
        user.wallets = data;
      }
      return user;
    },
    [id],
  );
  const [message, setMessage] = useState<string | null>(null);
  const { user } = useSession();
  const readOnly = user?.role === 'support';
  const back = <Link href="/admin/customers">← Customers</Link>;
  if (error && !data)
    return (
      <div class="page wide">
        <PageHeader title="Customer" back={back} />
        <LoadError error={error} onRetry={reload} />
      </div>
    );
  if (!data) return <Spinner label="Loading customer" />;
  return (
    <div class="page wide">
      <PageHeader
        title={data.fullName}
        subtitle={data.email}
        back={back}
        actions={
          readOnly ? undefined : (
            <FreezeControl
              target={{ kind: 'user', id: data.id, name: data.fullName, frozen: data.status === 'frozen' }}
              onChanged={(m) => {
                setMessage(m);
                void reload();
              }}
            />
          )
        }
      />
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      <div class="admin-grid">
        <Card title="Profile" testId="customer-profile">
          <DefinitionList
            items={[
              ['Status', <StatusBadge status={data.status} />],
              ['Email', data.email],
              ['Phone', data.phone ?? '—'],
              ['Role', <span data-testid="profile-role">{ROLE_LABELS[data.role] ?? data.role}</span>],
              ['Joined', formatDateTime(data.createdAt)],
              ['User ID', <span class="mono">{data.id}</span>],
            ]}
          />
          <Link href={`/admin/payments?q=${encodeURIComponent(data.email)}`} class="link">
            See this customer's bill payments
          </Link>
        </Card>
        <Card title="Wallets">
          {data.wallets.length ? (
            <div class="wallet-grid">
              {data.wallets.map((w) => (
                <div key={w.id} class="stack" data-testid={`admin-wallet-${w.currency}`}>
                  <WalletCard wallet={w} />
                  {w.status !== 'closed' && !readOnly && (
                    <FreezeControl
                      target={{
                        kind: 'wallet',
                        id: w.id,
                        name: `${data.fullName}'s ${w.currency} wallet`,
                        frozen: w.status === 'frozen',
                      }}
                      onChanged={(m) => {
                        setMessage(m);
                        void reload();
                      }}
                    />
                  )}
                </div>
              ))}
            </div>
          ) : (
            <p class="muted">No wallets.</p>
          )}
        </Card>
        <CustomerKyc
          userId={data.id}
          version={JSON.stringify([data.wallets.map((w) => [w.status, String(w.balance)]), message])}
        />
        <CustomerActivity userId={data.id} />
        <CustomerStaffHistory
          userId={data.id}
          walletIds={data.wallets.map((w) => w.id)}
          version={JSON.stringify([
            data.status,
            data.role,
            data.wallets.map((w) => [w.status, String(w.balance), String(w.available)]),
            message,
          ])}
        />
        {!readOnly &&
          data.wallets
            .filter((w) => w.status !== 'closed')
            .map((w) => (
              <AdjustmentForm
                key={`adj-${w.id}`}
                walletId={w.id}
                currency={w.currency}
                onDone={(m) => {
                  setMessage(m);
                  void reload();
                }}
              />
            ))}
        <RoleControl
          userId={data.id}
          role={data.role}
          onChanged={(m) => {
            setMessage(m);
            void reload();
          }}
        />
        <CustomerSessions userId={data.id} readOnly={readOnly} onChanged={setMessage} />
        <FundingAccounts userId={data.id} />
        {!readOnly && <PndControl kind="user" id={data.id} subject={data.fullName} />}
        {data.wallets
          .filter((w) => w.status !== 'closed' && !readOnly)
          .map((w) => (
            <PndControl
              key={w.id}
              kind="wallet"
              id={w.id}
              subject={`${data.fullName}'s ${w.currency} wallet`}
            />
          ))}
      </div>
    </div>
  );
}
