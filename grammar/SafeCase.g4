// The safecase case language. Layout only: no actions, no embedded Java.
// Semantics (names, types, scope, obligations) live in the checker; see docs/language.md.
grammar SafeCase;

// ---------------------------------------------------------------- files

file
    : caseHeader? decl* EOF
    ;

caseHeader
    : CASE ident text
    ;

// `public` / `private` say what a module shows to the files that import it (docs/language.md,
// section 10); where they mean nothing (a case, a pattern body, an import) the checker says so.
decl
    : visibility=(PUBLIC | PRIVATE)?
      ( importDecl
      | enumDecl
      | quantityDecl
      | defineDecl
      | element
      | patternDecl
      | useDecl
      )
    ;

importDecl
    : IMPORT qname (AS ident)?
    ;

enumDecl
    : ENUM ident LBRACE ident (COMMA ident)* COMMA? RBRACE
    ;

quantityDecl
    : QUANTITY ident (LBRACK ident IN qname RBRACK)? COLON typeRef text?
    ;

typeRef
    : BOOL                                  # boolType
    | INT (IN range)?                       # intType
    | REAL (IN range)?                      # realType
    | PROBABILITY                           # probabilityType
    | qname                                 # enumType
    ;

range
    : LBRACK expr COMMA expr RBRACK
    ;

defineDecl
    : DEFINE ident (LBRACK ident IN qname RBRACK)? EQ (expr | table)
    ;

// An indexed define's value per member: `define cap[h in Hazard] = { fire: 1%, flood: 2% }`.
table
    : LBRACE tableEntry (COMMA tableEntry)* COMMA? RBRACE
    ;

tableEntry
    : ident COLON expr
    ;

// Claims, strategies, evidence, defeaters, assumptions, contexts and justifications share
// one shape; which clauses each kind may carry is checked (with a clear diagnostic) later.
element
    : kind=(CONTEXT | JUSTIFICATION | ASSUMPTION | CLAIM | STRATEGY | EVIDENCE | DEFEATER)
      qname indexDecl? text? (COLON expr)? clause*
    ;

// `claim mitigated[h in Hazard]`: one node per member of the enum; `[collision]` completes one member.
indexDecl
    : LBRACK ident (IN qname)? RBRACK
    ;

clause
    : CONTEXT refList                       # contextClause
    | ASSUMING refList                      # assumingClause
    | JUSTIFIED BY refList                  # justifiedClause
    | SUPPORTED BY supportItem (COMMA supportItem)*   # supportedClause
    | UNDEVELOPED                           # undevelopedClause
    | ASSERTED text                         # assertedClause
    | OWNER text                            # ownerClause
    | REBUTS nodeRef                        # rebutsClause
    | UNDERCUTS nodeRef (ARROW nodeRef)?    # undercutsClause
    | UNDERMINES nodeRef                    # underminesClause
    | ELIMINATED BY refList                 # eliminatedClause
    | ACCEPTED text                         # acceptedClause
    | FILE text                             # fileClause
    | SHA256 text                           # shaClause
    | EXPIRES DATE                          # expiresClause
    | GIVES expr (COMMA expr)*              # givesClause
    | DOUBT expr                            # doubtClause
    | WHEN NOT? ident                       # whenClause
    ;

refList
    : nodeRef (COMMA nodeRef)*
    ;

// A plain reference, or a choice: `any of (a, b)` (one of them) or `2 of (a, b, c)`.
supportItem
    : ANY OF LPAREN refList RPAREN          # anyOfItem
    | NUMBER OF LPAREN refList RPAREN       # countOfItem
    | nodeRef                               # plainItem
    ;

// A node, or members of an indexed node: `mitigated[*]`, `mitigated[collision]`, `mitigated[h]`.
nodeRef
    : qname (LBRACK (STAR | qname) RBRACK)?
    ;

patternDecl
    : PATTERN ident LPAREN (param (COMMA param)*)? RPAREN LBRACE decl* RBRACE
    ;

param
    : ident COLON (paramType=(TEXT | PROBABILITY | REAL | INT | BOOL) | qname)
    ;

useDecl
    : USE qname LPAREN (arg (COMMA arg)*)? RPAREN AS ident
    ;

arg
    : ident COLON (text | expr)
    ;

text
    : STRING
    | LONG_STRING
    ;

qname
    : ident (DOT ident)*
    ;

// A bare name, or any name between backticks (`G1.1`, `G-Top`); the two spellings of a name
// that needs no backticks are the same name (see syntax.Identifiers).
ident
    : IDENT
    | QUOTED_IDENT
    ;

// ---------------------------------------------------------------- formulas
// Loosest first: if/forall/exists, <=>, =>, or, and, not, comparisons, + -, * / sum, unary -.

expr
    : IF expr THEN expr ELSE expr                   # ifExpr
    | FORALL ident IN qname COLON expr              # forallExpr
    | EXISTS ident IN qname COLON expr              # existsExpr
    | iffExpr                                       # plainExpr
    ;

iffExpr
    : implExpr (IFF implExpr)?
    ;

implExpr
    : orExpr (IMPLIES implExpr)?
    ;

orExpr
    : andExpr (OR andExpr)*
    ;

andExpr
    : notExpr (AND notExpr)*
    ;

notExpr
    : NOT notExpr                                   # notOp
    | cmpExpr                                       # notPlain
    ;

cmpExpr
    : addExpr (op=(EQEQ | NEQ | LT | LE | GT | GE) addExpr)?
    ;

addExpr
    : mulExpr (ops+=(PLUS | MINUS) mulExpr)*
    ;

mulExpr
    : mulOperand (ops+=(STAR | SLASH) mulOperand)*
    ;

mulOperand
    : SUM LPAREN ident IN qname RPAREN mulExpr      # sumOperand
    | unary                                         # unaryOperand
    ;

unary
    : MINUS unary                                   # negate
    | primary                                       # unaryPlain
    ;

primary
    : NUMBER                                        # numberLit
    | TRUE                                          # trueLit
    | FALSE                                         # falseLit
    | DATE                                          # dateLit
    | STRING                                        # stringLit
    | qname LPAREN (expr (COMMA expr)*)? RPAREN     # call
    | qname (LBRACK expr RBRACK)?                   # ref
    | LPAREN expr RPAREN                            # paren
    ;

// ---------------------------------------------------------------- lexer

CASE : 'case';
IMPORT : 'import';
AS : 'as';
QUANTITY : 'quantity';
ENUM : 'enum';
DEFINE : 'define';
CONTEXT : 'context';
ASSUMPTION : 'assumption';
CLAIM : 'claim';
STRATEGY : 'strategy';
EVIDENCE : 'evidence';
DEFEATER : 'defeater';
JUSTIFICATION : 'justification';
PATTERN : 'pattern';
USE : 'use';
SUPPORTED : 'supported';
BY : 'by';
JUSTIFIED : 'justified';
ASSUMING : 'assuming';
ASSERTED : 'asserted';
UNDEVELOPED : 'undeveloped';
OWNER : 'owner';
REBUTS : 'rebuts';
UNDERCUTS : 'undercuts';
UNDERMINES : 'undermines';
ELIMINATED : 'eliminated';
ACCEPTED : 'accepted';
FILE : 'file';
SHA256 : 'sha256';
GIVES : 'gives';
EXPIRES : 'expires';
DOUBT : 'doubt';
AND : 'and';
OR : 'or';
NOT : 'not';
TRUE : 'true';
FALSE : 'false';
IN : 'in';
SUM : 'sum';
FORALL : 'forall';
EXISTS : 'exists';
IF : 'if';
THEN : 'then';
ELSE : 'else';
BOOL : 'bool';
INT : 'int';
REAL : 'real';
PROBABILITY : 'probability';
TEXT : 'text';
PUBLIC : 'public';
PRIVATE : 'private';
ANY : 'any';
OF : 'of';
WHEN : 'when';

IFF : '<=>';
ARROW : '->';
IMPLIES : '=>';
EQEQ : '==';
NEQ : '!=';
LE : '<=';
GE : '>=';
LT : '<';
GT : '>';
EQ : '=';
PLUS : '+';
MINUS : '-';
STAR : '*';
SLASH : '/';
LPAREN : '(';
RPAREN : ')';
LBRACK : '[';
RBRACK : ']';
LBRACE : '{';
RBRACE : '}';
COMMA : ',';
COLON : ':';
DOT : '.';

DATE : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT;
NUMBER : DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)? '%'?;
IDENT : [A-Za-z_] [A-Za-z0-9_]*;
// Its content is checked by TokenChecks (length, no control characters, no | or \).
QUOTED_IDENT : '`' ~[`\r\n]* '`';

LONG_STRING : '"""' .*? '"""';
// Any escape is read here; the AST builder reports the ones the language does not have, so a
// bad escape is one error and does not derail the rest of the line.
STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"';

LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
// A comment or long string that the file ends inside: one token, reported by the parser facade,
// instead of a cascade of errors about the '/' or quotes that start it.
UNCLOSED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF -> channel(HIDDEN);
UNCLOSED_LONG_STRING : '"""' ( ~'"' | '"' ~'"' | '""' ~'"' )* '"'? '"'? EOF -> channel(HIDDEN);
WS : [ \t\r\n\f\u00A0\uFEFF]+ -> channel(HIDDEN);

fragment DIGIT : [0-9];
