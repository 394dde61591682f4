// The light formatting of a note's text, read for display only: `# kop` (up to ###), lines starting
// with `- ` or `* ` as a list, `**vet**` inside a line, everything else as paragraphs (an empty line
// ends one). The result is plain data that the Svelte markup shows as text nodes: nothing the user
// typed is ever interpreted as HTML.

export type Inline = { text: string; bold: boolean };
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'paragraph'; lines: Inline[][] };

/** `**vet**` pieces of one line; an unclosed `**` stays as typed. */
export function inline(line: string): Inline[] {
  const out: Inline[] = [];
  const parts = line.split('**');
  // An even number of parts means one `**` has no partner: it is text.
  const closed = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  for (let i = 0; i < parts.length; i++) {
    const text = i >= closed ? `**${parts[i]}` : parts[i]!;
    const bold = i % 2 === 1 && i < closed;
    if (text === '') continue;
    const last = out[out.length - 1];
    if (last && last.bold === bold) last.text += text;
    else out.push({ text, bold });
  }
  return out;
}

export function blocks(text: string): Block[] {
  const out: Block[] = [];
  let paragraph: Inline[][] | null = null;
  let list: Inline[][] | null = null;
  const end = () => {
    if (paragraph) out.push({ kind: 'paragraph', lines: paragraph });
    if (list) out.push({ kind: 'list', items: list });
    paragraph = null;
    list = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      end();
    } else if (heading) {
      end();
      out.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, content: inline(heading[2]!) });
    } else if (item) {
      if (paragraph) end();
      list = list ?? [];
      list.push(inline(item[1]!));
    } else {
      if (list) end();
      paragraph = paragraph ?? [];
      paragraph.push(inline(line));
    }
  }
  end();
  return out;
}
