//! A pack's Markdown page (the licences-and-credits `notice`) as blocks to lay out: headings,
//! paragraphs and bullets. Only the small subset the pack's pages use: `#` and `##` headings,
//! `- ` bullets (continued on indented lines), paragraphs separated by blank lines, and the
//! pack's own inline markup (`**bold**`). Code spans lose their backticks.

/// One block of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `# Title`.
    Title(String),
    /// `## Heading`.
    Heading(String),
    /// A paragraph, its lines joined.
    Paragraph(String),
    /// One `- ` item.
    Bullet(String),
}

/// Splits a Markdown page into blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    let flush = |open: &mut Option<Block>, out: &mut Vec<Block>| {
        if let Some(b) = open.take() {
            out.push(b);
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut open, &mut out);
        } else if let Some(h) = trimmed.strip_prefix("## ") {
            flush(&mut open, &mut out);
            out.push(Block::Heading(inline(h)));
        } else if let Some(h) = trimmed.strip_prefix("# ") {
            flush(&mut open, &mut out);
            out.push(Block::Title(inline(h)));
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            flush(&mut open, &mut out);
            open = Some(Block::Bullet(inline(item)));
        } else {
            match &mut open {
                Some(Block::Paragraph(p) | Block::Bullet(p)) => {
                    p.push(' ');
                    p.push_str(&inline(trimmed));
                }
                _ => open = Some(Block::Paragraph(inline(trimmed))),
            }
        }
    }
    flush(&mut open, &mut out);
    out
}

/// Inline Markdown the pack's markup does not share: code spans become plain text.
fn inline(text: &str) -> String {
    text.replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_and_bullets() {
        let page = "# Licences\n\nThe app is free.\nCopy it.\n\n## Data\n\n- **Maps**: public\n  domain.\n- Towns: `csv` file.\nAfter.\n";
        assert_eq!(
            blocks(page),
            vec![
                Block::Title("Licences".into()),
                Block::Paragraph("The app is free. Copy it.".into()),
                Block::Heading("Data".into()),
                Block::Bullet("**Maps**: public domain.".into()),
                Block::Bullet("Towns: csv file. After.".into()),
            ]
        );
    }
}
