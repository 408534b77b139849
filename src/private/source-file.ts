/**
 * A managed source file whose text is rendered lazily at synth, with projen's marker as a comment.
 */
import { FileBase, IResolver, Project } from 'projen';

/** Options of a managed source file. */
export interface SourceFileOptions {
  /** Renders the file's text (without the marker line). */
  readonly render: () => string;
  /**
   * Line-comment prefix used for the marker; the marker goes after a leading `#!` line.
   * @default '//'
   */
  readonly commentPrefix?: string;
  /**
   * Whether the file is executable.
   * @default false
   */
  readonly executable?: boolean;
}

/** A read-only, marked source file owned by projen: rewritten every synth, removed when no longer produced. */
export class SourceFile extends FileBase {
  private readonly options: SourceFileOptions;

  constructor(scope: Project, filePath: string, options: SourceFileOptions) {
    super(scope, filePath, { readonly: true, executable: options.executable ?? false });
    this.options = options;
  }

  protected synthesizeContent(_resolver: IResolver): string | undefined {
    const text = this.options.render();
    if (!this.marker) return text;
    const markerLine = `${this.options.commentPrefix ?? '//'} ${this.marker}`;
    if (text.startsWith('#!')) {
      const newline = text.indexOf('\n');
      return `${text.slice(0, newline + 1)}${markerLine}\n${text.slice(newline + 1)}`;
    }
    return `${markerLine}\n${text}`;
  }
}
