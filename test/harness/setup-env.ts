// Imported first by index.ts: the user folder and quiet defaults, before anything can load n8n-core.
import { prepareEnv } from './env';

prepareEnv();
