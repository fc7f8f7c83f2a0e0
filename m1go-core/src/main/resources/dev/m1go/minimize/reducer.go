// The reducer of m1go:minimize: Go's own parser tells the Java side where the removable pieces of a Go file are, and
// puts a file back into shape after pieces were cut out. m1go builds this program with a Go toolchain of the machine
// on the fly (standard library only, Go 1.19 and later) and never parses Go itself.
//
//	reducer units FILE...  one JSON line per file: its top-level declarations, its statements (every block, nested
//	                       ones too), the cgo preamble and the package name, each as a byte range [start, end)
//	reducer fix FILE...    parses each file, drops the imports nothing uses any more, checks each package (the files
//	                       of one directory) for what certainly does not compile (a local variable nothing reads
//	                       any more is removed with its declaration, a call in its value kept as "_ = …") and
//	                       formats the files in place; FILE.base, when there, is FILE before the cut, and only
//	                       imports it used are dropped (a package named otherwise than its path is kept);
//	                       exit status 2 when a file does not parse, 3 when a package would certainly not build
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
	Name  string `json:"name,omitempty"`
	// For an unwrap: the body kept, [InnerStart, InnerEnd), of the statement [Start, End) that goes.
	InnerStart int `json:"innerStart,omitempty"`
	InnerEnd   int `json:"innerEnd,omitempty"`
}

type units struct {
	File     string `json:"file"`
	Package  string `json:"package"`
	Decls    []span `json:"decls"`
	Stmts    []span `json:"stmts"`
	Preamble *span  `json:"preamble,omitempty"`
	Clause   span   `json:"clause"`
	Comments []span `json:"comments"`
	Unwraps  []span `json:"unwraps"`
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: reducer units|fix FILE...")
		os.Exit(64)
	}
	switch os.Args[1] {
	case "units":
		for _, name := range os.Args[2:] {
			if err := list(name); err != nil {
				fmt.Fprintln(os.Stderr, name+":", err)
				os.Exit(2)
			}
		}
	case "fix":
		if err := fix(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, err)
			if _, ok := err.(notBuilding); ok {
				os.Exit(3)
			}
			os.Exit(2)
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown command", os.Args[1])
		os.Exit(64)
	}
}

func parse(name string) (*token.FileSet, *ast.File, []byte, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	return fset, f, src, err
}

func list(name string) error {
	fset, f, src, err := parse(name)
	if err != nil {
		return err
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	u := units{File: name, Package: f.Name.Name, Decls: []span{}, Stmts: []span{},
		Clause:   span{Start: off(f.Name.Pos()), End: off(f.Name.End()), Kind: "package", Name: f.Name.Name},
		Comments: []span{}, Unwraps: []span{}}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			start := d.Pos()
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
			n := d.Name.Name
			if d.Recv != nil && len(d.Recv.List) > 0 {
				n = "(" + typeName(d.Recv.List[0].Type) + ")." + n
			}
			u.Decls = append(u.Decls, span{Start: off(start), End: lineEnd(src, off(d.End())), Kind: "func", Name: n})
		case *ast.GenDecl:
			if d.Tok == token.IMPORT {
				for _, s := range d.Specs {
					is := s.(*ast.ImportSpec)
					if is.Path.Value == `"C"` {
						doc := is.Doc
						if doc == nil {
							doc = d.Doc
						}
						if doc != nil && len(doc.List) == 1 && strings.HasPrefix(doc.List[0].Text, "/*") {
							c := doc.List[0]
							u.Preamble = &span{Start: off(c.Pos()) + 2, End: off(c.End()) - 2, Kind: "preamble"}
						}
					}
				}
				continue
			}
			kind := strings.ToLower(d.Tok.String())
			if d.Lparen.IsValid() && len(d.Specs) > 0 {
				for _, s := range d.Specs {
					start, end := s.Pos(), s.End()
					if doc := specDoc(s); doc != nil {
						start = doc.Pos()
					}
					u.Decls = append(u.Decls, span{Start: off(start), End: lineEnd(src, off(end)), Kind: kind, Name: specName(s)})
				}
				continue
			}
			start := d.Pos()
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
			n := ""
			if len(d.Specs) == 1 {
				n = specName(d.Specs[0])
			}
			u.Decls = append(u.Decls, span{Start: off(start), End: lineEnd(src, off(d.End())), Kind: kind, Name: n})
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		}
		for _, s := range list {
			u.Stmts = append(u.Stmts, span{Start: off(s.Pos()), End: off(s.End()), Kind: stmtKind(s)})
			if body := bodyOf(s); body != nil {
				u.Unwraps = append(u.Unwraps, span{Start: off(s.Pos()), End: off(s.End()), Kind: "unwrap " + stmtKind(s),
					InnerStart: off(body.Lbrace) + 1, InnerEnd: off(body.Rbrace)})
			}
		}
		return true
	})
	for _, c := range f.Comments {
		if keepComment(c, f) {
			continue
		}
		u.Comments = append(u.Comments, span{Start: off(c.Pos()), End: lineEnd(src, off(c.End())), Kind: "comment"})
	}
	out, err := json.Marshal(u)
	if err != nil {
		return err
	}
	fmt.Println(string(out))
	return nil
}

// bodyOf is the block a statement runs, when putting that block in the statement's place is a candidate: the body of
// an if (its else dropped), of a for or range loop, or a plain block.
func bodyOf(s ast.Stmt) *ast.BlockStmt {
	switch s := s.(type) {
	case *ast.IfStmt:
		return s.Body
	case *ast.ForStmt:
		return s.Body
	case *ast.RangeStmt:
		return s.Body
	case *ast.BlockStmt:
		return s
	}
	return nil
}

// keepComment is true for comments that are not only words: the cgo preamble, directives (//go:, //export, //line,
// build constraints) and #cgo lines.
func keepComment(c *ast.CommentGroup, f *ast.File) bool {
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			if g.Doc == c {
				return true
			}
			for _, s := range g.Specs {
				if s.(*ast.ImportSpec).Doc == c {
					return true
				}
			}
		}
	}
	for _, l := range c.List {
		t := l.Text
		if strings.HasPrefix(t, "//go:") || strings.HasPrefix(t, "//export") || strings.HasPrefix(t, "//line") ||
			strings.HasPrefix(t, "// +build") || strings.Contains(t, "#cgo") {
			return true
		}
	}
	return false
}

// lineEnd extends a declaration's end over the rest of its line when only blanks and a comment follow.
func lineEnd(src []byte, end int) int {
	i := end
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i+1 < len(src) && src[i] == '/' && src[i+1] == '/' {
		for i < len(src) && src[i] != '\n' {
			i++
		}
	}
	if i < len(src) && src[i] == '\n' {
		return i + 1
	}
	return end
}

func specDoc(s ast.Spec) *ast.CommentGroup {
	switch s := s.(type) {
	case *ast.ValueSpec:
		return s.Doc
	case *ast.TypeSpec:
		return s.Doc
	}
	return nil
}

func specName(s ast.Spec) string {
	switch s := s.(type) {
	case *ast.ValueSpec:
		names := []string{}
		for _, n := range s.Names {
			names = append(names, n.Name)
		}
		return strings.Join(names, ",")
	case *ast.TypeSpec:
		return s.Name.Name
	}
	return ""
}

func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return "*" + typeName(e.X)
	case *ast.Ident:
		return e.Name
	case *ast.IndexExpr:
		return typeName(e.X)
	}
	return "?"
}

func stmtKind(s ast.Stmt) string {
	t := fmt.Sprintf("%T", s)
	return strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(t, "*ast."), "Stmt"))
}

// fix puts the Go files of one or more packages back into shape: the files of a directory are one package. In each
// file the imports nothing uses any more are dropped and the file is formatted; then each package is checked for what
// would certainly not compile (a name no file declares, a local variable nobody reads, package main without main),
// which makes the candidate void before anything is built.
func fix(names []string) error {
	byDir := map[string][]string{}
	order := []string{}
	for _, n := range names {
		d := filepath.Dir(n)
		if _, ok := byDir[d]; !ok {
			order = append(order, d)
		}
		byDir[d] = append(byDir[d], n)
	}
	for _, d := range order {
		if err := fixPackage(byDir[d]); err != nil {
			return err
		}
	}
	return nil
}

func fixPackage(names []string) error {
	fset := token.NewFileSet()
	files := []*ast.File{}
	bases := []*ast.File{}
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			return err
		}
		files = append(files, f)
		// NAME.base, when the caller wrote one, is the file before the cut.
		var base *ast.File
		if before, err := os.ReadFile(name + ".base"); err == nil {
			base, _ = parser.ParseFile(token.NewFileSet(), name, before, 0)
		}
		bases = append(bases, base)
	}
	// A local variable whose last reader was cut goes with it (its declaration is removed, then the imports its
	// value used): what this removes is built and run like any candidate.
	for round := 0; ; round++ {
		for i, f := range files {
			pruneImports(f, bases[i])
		}
		unused, err := check(files)
		if err != nil {
			return err
		}
		if len(unused) == 0 {
			break
		}
		if round == 5 {
			return notBuilding{"local variables keep going unused"}
		}
		for _, f := range files {
			removeStmts(f, unused)
		}
	}
	for i, f := range files {
		var out bytes.Buffer
		if err := format.Node(&out, fset, f); err != nil {
			return err
		}
		text := out.Bytes()
		if tidied, err := format.Source(tidyBlankLines(text)); err == nil {
			text = tidied
		}
		if err := os.WriteFile(names[i], text, 0o600); err != nil {
			return err
		}
	}
	return nil
}

// tidyBlankLines drops the blank lines that cutting pieces out leaves behind: those right after a line that opens a
// block or comment, right before one that closes it, and all but one of a run. What it changes is built and run
// like any candidate, so a raw string it touched cannot slip through unnoticed.
func tidyBlankLines(src []byte) []byte {
	lines := strings.Split(string(src), "\n")
	out := make([]string, 0, len(lines))
	for i, l := range lines {
		if strings.TrimSpace(l) == "" && len(out) > 0 {
			prev := strings.TrimSpace(out[len(out)-1])
			next := ""
			if i+1 < len(lines) {
				next = strings.TrimSpace(lines[i+1])
			}
			if prev == "" || strings.HasSuffix(prev, "{") || strings.HasSuffix(prev, "/*") || prev == "(" ||
				strings.HasPrefix(next, "}") || next == "*/" || next == ")" {
				continue
			}
		}
		out = append(out, l)
	}
	return []byte(strings.Join(out, "\n"))
}

// pruneImports drops the imports whose name nothing uses any more. With the file as it was before the cut (base),
// only an import whose name the base used is dropped: a package named otherwise than its path (the name guessed
// from the path is used nowhere) is never mistaken for an unused import.
func pruneImports(f *ast.File, base *ast.File) {
	used := qualifiers(f)
	var usedBefore map[string]bool
	if base != nil {
		usedBefore = qualifiers(base)
	}
	decls := f.Decls[:0]
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.IMPORT {
			decls = append(decls, d)
			continue
		}
		kept := g.Specs[:0]
		for _, s := range g.Specs {
			is := s.(*ast.ImportSpec)
			p, _ := strconv.Unquote(is.Path.Value)
			n := importName(is, p)
			if p == "C" || n == "_" || n == "." || n == "" || used[n] || (usedBefore != nil && !usedBefore[n]) {
				kept = append(kept, s)
			}
		}
		g.Specs = kept
		if len(kept) > 0 {
			decls = append(decls, d)
		}
	}
	// The cgo preamble stays with "C", which is never dropped.
	f.Decls = decls
}

// qualifiers are the names used as X in X.Sel.
func qualifiers(f *ast.File) map[string]bool {
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	return used
}

type notBuilding struct{ why string }

func (e notBuilding) Error() string { return "would not build: " + e.why }

// check finds what certainly does not compile, by the parser's own name resolution: a name used (not as a package
// qualifier) that no file of the package declares and Go does not predeclare, or package main without func main.
// Local variables declared with := or var that nothing refers to are returned with the statements that declare
// them when those statements can go whole, else reported as not building. Anything it is unsure of is left to the
// build.
func check(files []*ast.File) (map[ast.Stmt]bool, error) {
	declared := map[string]bool{}
	hasMain := false
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					declared[d.Name.Name] = true
					if d.Name.Name == "main" {
						hasMain = true
					}
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.ValueSpec:
						for _, n := range s.Names {
							declared[n.Name] = true
						}
					case *ast.TypeSpec:
						declared[s.Name.Name] = true
					}
				}
			}
		}
	}
	if len(files) > 0 && files[0].Name.Name == "main" && !hasMain {
		return nil, notBuilding{"package main has no func main"}
	}
	unused := map[ast.Stmt]bool{}
	for _, f := range files {
		qualifiers := map[*ast.Ident]bool{}
		keys := map[*ast.Ident]bool{}
		present := map[*ast.Ident]bool{} // f.Unresolved is the parser's; statements removed since are not there
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				present[n] = true
			case *ast.SelectorExpr:
				if id, ok := n.X.(*ast.Ident); ok {
					qualifiers[id] = true
				}
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					keys[id] = true
				}
			}
			return true
		})
		dotImport := false
		for _, is := range f.Imports {
			dotImport = dotImport || (is.Name != nil && is.Name.Name == ".")
		}
		for _, id := range f.Unresolved {
			if dotImport { // a name may come from the dot-imported package: left to the build
				break
			}
			if !present[id] || id.Name == "_" || qualifiers[id] || keys[id] || declared[id.Name] ||
				types.Universe.Lookup(id.Name) != nil {
				continue
			}
			return nil, notBuilding{"undefined: " + id.Name}
		}
		if err := unusedLocals(f, unused); err != nil {
			return nil, err
		}
	}
	return unused, nil
}

// removeStmts drops the given statements from every statement list of the file; one whose value holds a call keeps
// the call as "_ = …" (or "_, _ = …"), since the call may be what fails: "v := C.crash()" loses v, not the crash.
func removeStmts(f *ast.File, gone map[ast.Stmt]bool) {
	keep := func(list []ast.Stmt) []ast.Stmt {
		out := list[:0]
		for _, s := range list {
			if !gone[s] {
				out = append(out, s)
			} else if r := blanked(s); r != nil {
				out = append(out, r)
			}
		}
		return out
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			n.List = keep(n.List)
		case *ast.CaseClause:
			n.Body = keep(n.Body)
		case *ast.CommClause:
			n.Body = keep(n.Body)
		}
		return true
	})
}

// blanked is "_ = value" for a declaration whose values call something, else nil.
func blanked(s ast.Stmt) ast.Stmt {
	var lhs int
	var values []ast.Expr
	switch s := s.(type) {
	case *ast.AssignStmt:
		lhs, values = len(s.Lhs), s.Rhs
	case *ast.DeclStmt:
		g := s.Decl.(*ast.GenDecl)
		if len(g.Specs) != 1 {
			return nil
		}
		v := g.Specs[0].(*ast.ValueSpec)
		lhs, values = len(v.Names), v.Values
	}
	if len(values) == 0 || !calls(values) {
		return nil
	}
	if len(values) > 1 {
		lhs = len(values)
	}
	blanks := make([]ast.Expr, lhs)
	for i := range blanks {
		blanks[i] = ast.NewIdent("_")
	}
	return &ast.AssignStmt{Lhs: blanks, Tok: token.ASSIGN, Rhs: values}
}

func calls(exprs []ast.Expr) bool {
	found := false
	for _, e := range exprs {
		ast.Inspect(e, func(n ast.Node) bool {
			if _, ok := n.(*ast.CallExpr); ok {
				found = true
			}
			return !found
		})
	}
	return found
}

func unusedLocals(f *ast.File, removable map[ast.Stmt]bool) error {
	declaredBy := map[*ast.Object]*ast.Ident{}
	stmtOf := map[*ast.Object]ast.Stmt{}
	switchAssign := map[ast.Stmt]bool{}
	inList := map[ast.Stmt]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			list = n.List
		case *ast.CaseClause:
			list = n.Body
		case *ast.CommClause:
			list = n.Body
		case *ast.TypeSwitchStmt:
			if n.Assign != nil {
				switchAssign[n.Assign] = true
			}
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && !switchAssign[n] {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Obj != nil && id.Obj.Kind == ast.Var && id.Obj.Decl == n {
						declaredBy[id.Obj] = id
						stmtOf[id.Obj] = n
					}
				}
			}
		case *ast.DeclStmt:
			if g, ok := n.Decl.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, s := range g.Specs {
					for _, id := range s.(*ast.ValueSpec).Names {
						if id.Obj != nil {
							declaredBy[id.Obj] = id
							stmtOf[id.Obj] = n
						}
					}
				}
			}
		}
		for _, s := range list {
			inList[s] = true
		}
		return true
	})
	used := map[*ast.Object]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Obj != nil {
			if decl, ok := declaredBy[id.Obj]; ok && decl != id {
				used[id.Obj] = true
			}
		}
		return true
	})
	// A statement can go when none of the variables it declares is used and it assigns nothing else.
	usedIn := map[ast.Stmt]bool{}
	for obj, s := range stmtOf {
		if used[obj] {
			usedIn[s] = true
		}
	}
	for obj, id := range declaredBy {
		if id.Name == "_" || used[obj] {
			continue
		}
		s := stmtOf[obj]
		if !inList[s] || usedIn[s] || !declaresOnly(s) {
			return notBuilding{"declared and not used: " + id.Name}
		}
		removable[s] = true
	}
	return nil
}

// declaresOnly is true for x := … and var x … whose left side holds only new variables or _.
func declaresOnly(s ast.Stmt) bool {
	if a, ok := s.(*ast.AssignStmt); ok {
		for _, l := range a.Lhs {
			id, ok := l.(*ast.Ident)
			if !ok || (id.Name != "_" && (id.Obj == nil || id.Obj.Decl != a)) {
				return false
			}
		}
	}
	return true
}

// importName is the name an import is used by: its own, else the last element of its path (a major version
// suffix skipped, "go-" and "-go" dropped); "" when that is no identifier, so the import is kept.
func importName(is *ast.ImportSpec, path string) string {
	if is.Name != nil {
		return is.Name.Name
	}
	parts := strings.Split(path, "/")
	last := parts[len(parts)-1]
	if len(parts) > 1 && len(last) > 1 && last[0] == 'v' && isDigits(last[1:]) {
		last = parts[len(parts)-2]
	}
	last = strings.TrimSuffix(strings.TrimPrefix(last, "go-"), "-go")
	if i := strings.IndexByte(last, '.'); i >= 0 {
		last = last[:i]
	}
	if !token.IsIdentifier(last) {
		return ""
	}
	return last
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
