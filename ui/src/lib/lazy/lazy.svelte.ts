// Screens whose code is loaded the first time they are shown. Vite puts each `import()` in a chunk of its
// own, so the start (unlock screen) and the case list parse only the code they need: less to parse before
// the first paint and less JavaScript held in WebKit's web process (packaging/README.md, start and memory).
import type { Component } from 'svelte';

type AnyProps = Record<string, any>;

export class LazyComponent<Props extends AnyProps = AnyProps> {
  /** The component once its chunk is in; null before. */
  component = $state.raw<Component<Props> | null>(null);
  /** The chunk could not be loaded (a damaged installation); `load()` tries again. */
  failed = $state(false);
  #importer: () => Promise<{ default: Component<Props> }>;
  #loading = false;

  constructor(importer: () => Promise<{ default: Component<Props> }>) {
    this.#importer = importer;
  }

  /** Starts loading the chunk, once (again after a failure). */
  load(): void {
    if (this.component || this.#loading) return;
    this.#loading = true;
    this.failed = false;
    this.#importer().then(
      (module) => {
        this.component = module.default;
        this.#loading = false;
      },
      () => {
        this.failed = true;
        this.#loading = false;
      },
    );
  }
}
