// The action's entry point (action.yml `main`).
import { run } from './main.ts';

// Exit once run() is done: a cache or registry request abandoned after its
// timeout must not keep the step alive until the server answers.
void run().finally(() => process.exit());
