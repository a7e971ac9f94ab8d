import type { ComponentChildren } from 'preact';
import { Card, CopyButton, DefinitionList, PageHeader, Skeleton, StatusBadge } from '../components/ui';
import { api, qs } from '../lib/api';
import { useAsync, useTitle } from '../lib/hooks';
import type { KycSummary } from '../lib/kyc';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';

function Verified({ yes }: { yes: boolean | undefined }) {
  return <StatusBadge status={yes ? 'succeeded' : 'pending'} label={yes ? 'verified' : 'not verified'} />;
}

function Setting({
  href,
  title,
  children,
  testId,
}: {
  href: string;
  title: string;
  children: ComponentChildren;
  testId: string;
}) {
  return (
    <li>
      <Link href={href} class="line" data-testid={testId}>
        <span class="line-main">
          <span class="line-title">{title}</span>
          <span class="line-meta">{children}</span>
        </span>
        <span aria-hidden="true">›</span>
      </Link>
    </li>
  );
}

/** /profile: who you are to Vendra, and the way to every account setting. */
export function ProfilePage() {
  useTitle('Profile');
  const { user } = useSession();
  const kyc = useAsync(
    (signal) => api.get<KycSummary>(`/v1/me/kyc${qs({ currency: 'NGN' })}`, { signal }),
    [],
  );
  if (!user) return <Skeleton lines={4} />;
  return (
    <div class="page narrow">
      <PageHeader title="Profile" subtitle="Your details and account settings." />
      <div class="stack">
        <Card title="You" testId="profile">
          <DefinitionList
            items={[
              ['Name', <span data-testid="profile-name">{user.fullName}</span>],
              [
                'Email',
                <span class="wrap-anywhere" data-testid="profile-email">
                  {user.email} <Verified yes={user.emailVerified} />
                </span>,
              ],
              [
                'Phone',
                user.phone ? (
                  <span>
                    {user.phone} <Verified yes={user.phoneVerified} />
                  </span>
                ) : (
                  <Link href="/security">Add a phone number</Link>
                ),
              ],
              [
                'Account level',
                <span data-testid="profile-tier">
                  {kyc.data ? `Tier ${kyc.data.tier}` : kyc.error ? '—' : '…'} <Link href="/kyc">limits</Link>
                </span>,
              ],
              [
                'Referral code',
                <span class="row">
                  <span class="mono" data-testid="profile-referral">
                    {user.referralCode}
                  </span>
                  <CopyButton text={user.referralCode} label="Copy" />
                </span>,
              ],
            ]}
          />
        </Card>
        <Card title="Settings">
          <ul class="lines">
            <Setting href="/security" title="Transaction PIN" testId="profile-pin">
              {user.hasPin ? 'Set. Change or reset it.' : 'Not set yet: set one before paying.'}
            </Setting>
            <Setting href="/settings/password" title="Password" testId="profile-password">
              Change your password; other devices are logged out.
            </Setting>
            <Setting href="/security" title="Sessions and devices" testId="profile-sessions">
              Where you are logged in; log out the others.
            </Setting>
            <Setting href="/notifications" title="Notification preferences" testId="profile-notifications">
              Email and SMS for payments, tokens and security.
            </Setting>
            <Setting href="/rewards" title="Rewards and referrals" testId="profile-rewards">
              Your cashback, and your code to invite friends.
            </Setting>
          </ul>
        </Card>
      </div>
    </div>
  );
}
