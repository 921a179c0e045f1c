//! f-strings: literal pieces and FORMAT_VALUE (conversion in oparg&3, oparg&4 when a
//! format spec, itself compiled as an f-string, is on top), joined by BUILD_STRING.

use ruff_python_ast::{self as ast, ConversionFlag, FStringPart, InterpolatedStringElement};

use crate::opcodes::op;

use super::code::Constant;
use super::codegen::Compiler;
use super::error::CResult;

/// One piece of an f-string: literal text or a formatted value.
enum Piece<'a> {
    Text(String),
    Value(&'a ast::InterpolatedElement),
}

fn push_text(pieces: &mut Vec<Piece<'_>>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(text);
    } else {
        pieces.push(Piece::Text(text.to_string()));
    }
}

fn collect<'a>(elements: &'a ast::InterpolatedStringElements, pieces: &mut Vec<Piece<'a>>) {
    for el in elements.iter() {
        match el {
            InterpolatedStringElement::Literal(l) => push_text(pieces, &l.value),
            InterpolatedStringElement::Interpolation(i) => {
                if let Some(debug) = &i.debug_text {
                    push_text(pieces, debug.as_str());
                }
                pieces.push(Piece::Value(i));
            }
        }
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult<()> {
        let mut pieces = Vec::new();
        for part in f.value.iter() {
            match part {
                FStringPart::Literal(l) => push_text(&mut pieces, &l.value),
                FStringPart::FString(fs) => collect(&fs.elements, &mut pieces),
            }
        }
        self.pieces(pieces)
    }

    fn pieces(&mut self, pieces: Vec<Piece<'a>>) -> CResult<()> {
        let n = pieces.len();
        if n == 0 {
            self.load_const(Constant::Str(String::new()));
            return Ok(());
        }
        for piece in &pieces {
            match piece {
                Piece::Text(t) => self.load_const(Constant::Str(t.clone())),
                Piece::Value(v) => self.formatted_value(v)?,
            }
        }
        if n > 1 {
            self.emit(op::BUILD_STRING, n as u32);
        }
        Ok(())
    }

    fn formatted_value(&mut self, v: &'a ast::InterpolatedElement) -> CResult<()> {
        self.expr(&v.expression)?;
        let mut conversion = match v.conversion {
            ConversionFlag::None => 0,
            ConversionFlag::Str => 1,
            ConversionFlag::Repr => 2,
            ConversionFlag::Ascii => 3,
        };
        // `{x=}` defaults to repr unless a format spec is given.
        if v.debug_text.is_some() && conversion == 0 && v.format_spec.is_none() {
            conversion = 2;
        }
        let mut oparg = conversion;
        if let Some(spec) = &v.format_spec {
            let mut pieces = Vec::new();
            collect(&spec.elements, &mut pieces);
            self.at(spec.range, |c| c.pieces(pieces))?;
            oparg |= 4;
        }
        self.at(v.range, |c| c.emit(op::FORMAT_VALUE, oparg));
        Ok(())
    }
}
