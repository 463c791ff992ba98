// Bootstrap of an ingest worker thread: a worker does not inherit its parent's TypeScript loader,
// so it registers tsx itself before loading the handler's sources.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-thread-main.ts');
