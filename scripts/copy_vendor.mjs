// Copies the pinned front-end packages from node_modules into static/vendor, so the app
// serves them itself (no CDN: a strict CSP and no third-party requests for visitors).
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const files = {
  "htmx.org/dist/htmx.min.js": "htmx.min.js",
  // Server-sent events for htmx 2 (the sprint's live screens); pinned to go with htmx.
  "htmx-ext-sse/dist/sse.min.js": "htmx-ext-sse.min.js",
  "@utrecht/component-library-css/dist/index.css": "utrecht-components.css",
  "@utrecht/design-tokens/dist/theme.css": "utrecht-theme.css",
};

const target = join(root, "static", "vendor");
mkdirSync(target, { recursive: true });
for (const [from, to] of Object.entries(files)) {
  copyFileSync(join(root, "node_modules", from), join(target, to));
}
console.log(`copied ${Object.keys(files).length} front-end files to static/vendor`);
