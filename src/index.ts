// The action's entry point (action.yml `main`).
import { run } from './main.ts';

void run();
