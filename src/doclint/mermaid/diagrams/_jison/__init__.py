"""The jison toolkit: what the parsers of mermaid's ``.jison`` grammars share.

jison-generated lexers try the rules of the current start condition in order and take the first match; a
parse error names the line of the last token the parser *shifted*.  Three drivers model that, one per way
a grammar module states its rules:

- ``lex``: rules as data (``Rule(pattern, token, states, push/pop, action)`` or the compact
  ``build_lexer`` rows), a lazy ``JisonLexer.tokens`` stream, the cursor ``TokenStream``, and the shared pieces: ``js_regex`` (a JavaScript
  regex as Python's), ``prepare_jison_text``, accessibility / comment / punctuation rule sets.
  Used by er, block, c4, gantt, journey, requirement, kanban, mindmap, quadrant, timeline, venn, xychart.
- ``actions``: rules whose actions drive a ``LexerControl`` (``begin``, ``pop``, ``less``, ``yytext``), with
  per-character rule candidates; used by sequence, class and state diagrams.
- ``lalr``: LALR(1) tables built from the BNF, jison's ``parser.parse`` loop and its lexer (with guards for
  rules that scan ahead); used by flowchart and agentflow.

Submodules are imported directly (``from doclint.mermaid.diagrams._jison.lex import ...``) so that a
diagram loads only the driver it uses.
"""
