import { afterAll, afterEach, beforeAll } from 'vitest';
import { onPublicPagesExpired } from './revalidate';

/**
 * Listens, for the calling describe block, to the tags of readers' pages that writes expire. What was heard is
 * forgotten after each test, or on `reset()`.
 */
export function recordExpiredPages(): { reset: () => void; tags: () => string[] } {
  let heard: string[][] = [];
  let stopListening = () => {};
  beforeAll(() => {
    stopListening = onPublicPagesExpired((tags) => heard.push([...tags]));
  });
  afterAll(() => stopListening());
  afterEach(() => {
    heard = [];
  });
  return {
    reset: () => {
      heard = [];
    },
    tags: () => heard.flat(),
  };
}
