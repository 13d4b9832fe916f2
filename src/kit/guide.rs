//! A guide page's paragraphs as blocks: `## ` a subheading, `- ` a bullet item, `1. ` (any
//! number) a numbered item, anything else a paragraph of rich text.

/// One paragraph of a guide page, classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block<'a> {
    Heading(&'a str),
    Bullet(&'a str),
    /// The number as written, and the item's text.
    Numbered(&'a str, &'a str),
    Text(&'a str),
}

/// Classifies one paragraph.
pub fn block(paragraph: &str) -> Block<'_> {
    let p = paragraph.trim_start();
    if let Some(rest) = p.strip_prefix("## ") {
        return Block::Heading(rest.trim());
    }
    if let Some(rest) = p.strip_prefix("- ") {
        return Block::Bullet(rest);
    }
    let digits = p.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 && p[digits..].starts_with(". ") {
        return Block::Numbered(&p[..digits], &p[digits + 2..]);
    }
    Block::Text(paragraph)
}

/// Every paragraph, classified.
pub fn blocks(paragraphs: &[String]) -> Vec<Block<'_>> {
    paragraphs.iter().map(|p| block(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_classified() {
        assert_eq!(block("## Before"), Block::Heading("Before"));
        assert_eq!(block("- an item"), Block::Bullet("an item"));
        assert_eq!(block("3. Tell the lead"), Block::Numbered("3", "Tell the lead"));
        assert_eq!(block("2014. A year"), Block::Text("2014. A year"));
        assert_eq!(block("Plain **text**"), Block::Text("Plain **text**"));
    }
}
