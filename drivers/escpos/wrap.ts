// Printed lines wrapped at word boundaries to the paper's width: a printer breaks a line that is
// too long wherever it runs out of paper, mid-word. A word longer than a whole line is cut.

export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(' ').filter(Boolean)) {
      while (word.length > width) {
        if (line) { out.push(line); line = ''; }
        out.push(word.slice(0, width));
        word = word.slice(width);
      }
      if (!word) continue;
      if (line && line.length + 1 + word.length > width) { out.push(line); line = ''; }
      line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}
