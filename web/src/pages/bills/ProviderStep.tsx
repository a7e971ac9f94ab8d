import { useState } from 'preact/hooks';
import { Button, Card, cx, EmptyState, LoadError, Skeleton, TextField } from '../../components/ui';
import type { AsyncState } from '../../lib/hooks';
import { billerIdFor, localNumber, NETWORK_NAMES, networkOf } from '../../lib/networks';
import type { BillCategory, Biller } from '../../lib/types';

/** Lists longer than this get a search box (the power companies are a dozen). */
const SEARCH_FROM = 6;

/** Matches a biller's name or id against what was typed, ignoring case and spaces. */
function matches(biller: Biller, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  return q === '' || biller.name.toLowerCase().includes(q) || biller.id.includes(q.replace(/ /g, '-'));
}

/**
 * Airtime and data: the phone number first ("use my number" offered), and the
 * network picked from its prefix.
 */
function PhoneFirst({
  category,
  phone,
  ownPhone,
  billers,
  onPhone,
  onChoose,
}: {
  category: 'airtime' | 'data';
  phone: string;
  ownPhone: string | null;
  billers: Biller[];
  onPhone: (text: string) => void;
  onChoose: (biller: Biller) => void;
}) {
  const network = networkOf(phone);
  const change = (text: string) => {
    onPhone(text);
    const found = networkOf(text);
    const biller = found && billers.find((b) => b.id === billerIdFor(found, category) && b.enabled);
    if (biller) onChoose(biller);
  };
  const own = ownPhone ? localNumber(ownPhone) : null;
  return (
    <div class="phone-first" data-testid="phone-first">
      <TextField
        label="Phone number to top up"
        name="topupPhone"
        id="topupPhone"
        type="tel"
        inputMode="tel"
        value={phone}
        onValue={change}
        autoComplete="tel"
        hint={
          network ? (
            <span data-testid="detected-network">{NETWORK_NAMES[network]} number</span>
          ) : (
            'We pick the network from the number.'
          )
        }
      />
      {own && localNumber(phone) !== own && (
        <button type="button" class="chip" onClick={() => change(own)} data-testid="use-my-number">
          Use my number ({own})
        </button>
      )}
    </div>
  );
}

/** Step 2: the biller, from the chosen category's list. */
export function ProviderStep({
  billers,
  biller,
  category,
  phone,
  ownPhone,
  onPhone,
  onChoose,
  onChange,
}: {
  billers: AsyncState<Biller[]>;
  /** The chosen one, if any. */
  biller: Biller | null;
  category: BillCategory | null;
  /** Airtime and data: the number typed (the customer reference). */
  phone: string;
  /** The account's own phone, offered for airtime and data. */
  ownPhone: string | null;
  onPhone: (text: string) => void;
  onChoose: (biller: Biller) => void;
  onChange: () => void;
}) {
  const [query, setQuery] = useState('');
  const all = billers.data ?? [];
  const shown = biller ? [biller] : all.filter((b) => matches(b, query));
  const phoneFirst = category === 'airtime' || category === 'data';
  return (
    <Card
      title="2. Choose a provider"
      actions={
        biller && (
          <Button variant="ghost" size="sm" onClick={onChange} data-testid="change-biller">
            Change
          </Button>
        )
      }
    >
      {billers.error ? (
        <LoadError error={billers.error} onRetry={billers.reload} />
      ) : billers.loading ? (
        <Skeleton lines={3} />
      ) : !all.length ? (
        <EmptyState title="No providers here yet">Try another category.</EmptyState>
      ) : (
        <>
          {phoneFirst && !biller && (
            <PhoneFirst
              category={category}
              phone={phone}
              ownPhone={ownPhone}
              billers={all}
              onPhone={onPhone}
              onChoose={onChoose}
            />
          )}
          {!biller && all.length > SEARCH_FROM && (
            <TextField
              label="Search providers"
              name="billerSearch"
              id="billerSearch"
              type="search"
              value={query}
              onValue={setQuery}
              autoComplete="off"
            />
          )}
          <fieldset class="fieldset">
            <legend class="sr-only">Provider</legend>
            {shown.length === 0 && (
              <p class="muted" data-testid="biller-search-empty">
                No provider matches “{query.trim()}”.
              </p>
            )}
            <div class="option-list">
              {/* Once chosen, only the chosen provider stays on screen ("Change" brings the list back). */}
              {shown.map((b) => (
                <button
                  key={b.id}
                  type="button"
                  class={cx('option', biller?.id === b.id && 'selected')}
                  aria-pressed={biller?.id === b.id ? 'true' : 'false'}
                  disabled={!b.enabled}
                  onClick={() => onChoose(b)}
                  data-testid={`biller-${b.id}`}
                >
                  <span class="option-name">{b.name}</span>
                  {!b.enabled && <span class="muted small">Unavailable right now</span>}
                </button>
              ))}
            </div>
          </fieldset>
        </>
      )}
    </Card>
  );
}
