//! Rows of text in lower case, folded once for all the keys typed and held in one string: a
//! filter typed a letter at a time tests every row at every key, and a region holds 20,000
//! arenas and 50,000 people. Matching what was folded gives what lowercasing each text at each
//! key gave, without a string a row.

/// `N` texts a row, lower-cased.
#[derive(Debug)]
pub(crate) struct FoldedRows<const N: usize> {
    text: String,
    /// Where each row's texts end in `text`.
    ends: Vec<[usize; N]>,
}

impl<const N: usize> Default for FoldedRows<N> {
    fn default() -> Self {
        FoldedRows {
            text: String::new(),
            ends: Vec::new(),
        }
    }
}

impl<const N: usize> FoldedRows<N> {
    /// Folds the next row's texts.
    pub fn push(&mut self, texts: [&str; N]) {
        let ends = texts.map(|t| {
            self.text.push_str(&t.to_lowercase());
            self.text.len()
        });
        self.ends.push(ends);
    }

    /// The texts of the row at `index`, folded.
    pub fn row(&self, index: usize) -> [&str; N] {
        let mut start = index
            .checked_sub(1)
            .and_then(|i| self.ends[i].last().copied())
            .unwrap_or(0);
        self.ends[index].map(|end| {
            let text = &self.text[start..end];
            start = end;
            text
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_gives_back_its_own_texts_lower_cased() {
        let mut rows = FoldedRows::default();
        rows.push(["Åsa Ek", "Förskollärare"]);
        rows.push(["", "ÖRJAN"]);
        rows.push(["Bo", ""]);
        assert_eq!(rows.row(0), ["åsa ek", "förskollärare"]);
        assert_eq!(rows.row(1), ["", "örjan"]);
        assert_eq!(rows.row(2), ["bo", ""]);
    }
}
