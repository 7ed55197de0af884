"""Checks a Python example against the Python package jsii-pacmak generated (its sources).

    python3 scripts/check_python_example.py <generated src dir> <example.py>...

Without the jsii runtime (from PyPI) the example cannot run here, so this checks what can be
checked statically: each file compiles; every name imported from ack_terway_network (or one of
its submodules) is a class of the generated module; every keyword argument of a call to such a
class, and of a method called on an object built from one, is a parameter of the generated
signature; every attribute read from such a class (enum members) is defined in it.
"""
import ast
import pathlib
import sys

PACKAGE = "ack_terway_network"


def module_classes(src: pathlib.Path, module: str) -> dict:
    path = src.joinpath(*module.split("."), "__init__.py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


def params(fn: ast.FunctionDef) -> set:
    a = fn.args
    return {x.arg for x in a.posonlyargs + a.args + a.kwonlyargs} - {"self"}


def member(cls: ast.ClassDef, name: str):
    for n in cls.body:
        if isinstance(n, ast.FunctionDef) and n.name == name:
            return n
        if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in n.targets):
            return n
    return None


def check(src: pathlib.Path, example: pathlib.Path) -> list:
    text = example.read_text(encoding="utf-8")
    compile(text, str(example), "exec")  # what py_compile checks, without writing __pycache__ into the tree
    tree = ast.parse(text)
    problems, classes, instances = [], {}, {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == PACKAGE:
            defined = module_classes(src, node.module)
            for alias in node.names:
                if alias.name not in defined:
                    problems.append(f"{example}:{node.lineno}: {node.module} has no {alias.name}")
                else:
                    classes[alias.asname or alias.name] = defined[alias.name]
    # Objects built from a generated class: `x = Class(...)`.
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
            cls = classes.get(node.value.func.id)
            if cls is not None:
                for t in node.targets:
                    if isinstance(t, ast.Name):
                        instances[t.id] = cls
    checked = 0
    for node in ast.walk(tree):
        fn, where = None, None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in classes:
            fn, where = member(classes[node.func.id], "__init__"), f"{node.func.id}()"
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                and node.func.value.id in instances:
            cls = instances[node.func.value.id]
            fn, where = member(cls, node.func.attr), f"{cls.name}.{node.func.attr}()"
            if fn is None:
                problems.append(f"{example}:{node.lineno}: {cls.name} has no method {node.func.attr}")
                continue
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in classes:
            if member(classes[node.value.id], node.attr) is None:
                problems.append(f"{example}:{node.lineno}: {node.value.id} has no member {node.attr}")
            checked += 1
            continue
        if fn is None:
            continue
        known = params(fn)
        for kw in node.keywords:
            if kw.arg is not None and kw.arg not in known:
                problems.append(f"{example}:{node.lineno}: {where} has no parameter {kw.arg}")
        checked += 1
    if checked == 0:
        problems.append(f"{example}: nothing from {PACKAGE} was checked")
    return problems


def main() -> int:
    src = pathlib.Path(sys.argv[1])
    problems = [p for f in sys.argv[2:] for p in check(src, pathlib.Path(f))]
    for p in problems:
        print(p)
    if not problems:
        print(f"ok: {len(sys.argv) - 2} example(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
