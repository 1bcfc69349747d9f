import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { Client, Provider, fetchExchange } from 'urql';

/** Renders with an urql client that sends over fetch, where msw answers. */
export function renderWithClient(ui: ReactElement) {
  const client = new Client({ url: '/graphql', exchanges: [fetchExchange], preferGetMethod: false, requestPolicy: 'network-only' });
  return render(<Provider value={client}>{ui}</Provider>);
}
