// Vite empties dist/ on every build; Go's //go:embed needs dist/ to exist in a fresh clone, so we
// keep a committed placeholder in it.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/.gitkeep', import.meta.url), '');
