/**
 * zod issues → scenario issues: located in the file (or base file, or `--set`) the value came from,
 * with what was found, what is valid and a suggestion for misspelt keys and options.
 */
import type { z } from 'zod';
import type { ScenarioIssue } from './errors.ts';
import { enumOptions, objectKeys, schemaAt, leafPaths, shapeOf, type AnySchema } from './schema-walk.ts';
import { nearest } from './suggest.ts';
import { describeNode, keyLocation, locate, type LNode } from './tree.ts';

/** Converts every zod issue into one or more located scenario issues. */
export function toScenarioIssues(zodIssues: readonly z.core.$ZodIssue[], root: LNode, schema: AnySchema): ScenarioIssue[] {
  return zodIssues.flatMap((i) => convert(i, root, schema));
}

function convert(issue: z.core.$ZodIssue, root: LNode, schema: AnySchema): ScenarioIssue[] {
  const path = issue.path as PropertyKey[];
  const pathText = path.map(String).join('.');
  const { loc, node, exact } = locate(root, path);
  const found = exact ? describeNode(node) : undefined;
  const base = { file: loc.file, line: loc.line, column: loc.column, path: pathText };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const valid = objectKeys(schemaAt(schema, path) ?? schema);
      return issue.keys.map((key) => {
        const keyLoc = keyLocation(root, path, key) ?? loc;
        return {
          file: keyLoc.file,
          line: keyLoc.line,
          column: keyLoc.column,
          path: pathText === '' ? key : `${pathText}.${key}`,
          message: `unknown field "${key}"`,
          expected: valid.length > 0 ? `one of: ${valid.join(', ')}` : undefined,
          suggestion: suggestKey(key, valid, path, schema),
        };
      });
    }
    case 'invalid_type': {
      if (!exact) {
        return [{ ...base, message: `required field "${String(path[path.length - 1])}" is missing`, expected: expectedType(issue.expected, schemaAt(schema, path)) }];
      }
      return [{ ...base, message: `wrong type: expected ${expectedType(issue.expected, schemaAt(schema, path))}`, found, expected: expectedType(issue.expected, schemaAt(schema, path)) }];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      const value = node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
      return [{
        ...base,
        message: exact ? 'not one of the allowed values' : `required field "${String(path[path.length - 1])}" is missing`,
        found,
        expected: `one of: ${options.join(', ')}`,
        suggestion: value === undefined ? undefined : nearest(value, options),
      }];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = small ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum;
      const inclusive = issue.inclusive !== false;
      const origin = issue.origin;
      if (origin === 'array' || origin === 'set') {
        return [{ ...base, message: small ? 'too few items' : 'too many items', found, expected: `${small ? 'at least' : 'at most'} ${String(limit)} item${Number(limit) === 1 ? '' : 's'}` }];
      }
      if (origin === 'string') {
        return [{ ...base, message: small ? 'text is too short' : 'text is too long', found, expected: `${small ? 'at least' : 'at most'} ${String(limit)} character${Number(limit) === 1 ? '' : 's'}` }];
      }
      const op = small ? (inclusive ? '>=' : '>') : (inclusive ? '<=' : '<');
      return [{ ...base, message: small ? 'value is too small' : 'value is too large', found, expected: `a number ${op} ${String(limit)}${rangeNote(schema, path)}` }];
    }
    case 'invalid_format': {
      const custom = !issue.message.startsWith('Invalid');
      return [{ ...base, message: custom ? issue.message : `text does not have the required format`, found, expected: custom ? undefined : issue.pattern ? `text matching ${issue.pattern}` : issue.format }];
    }
    case 'not_multiple_of':
      return [{ ...base, message: 'value is not a multiple of the step', found, expected: `a multiple of ${String(issue.divisor)}` }];
    case 'custom': {
      const p = (issue.params ?? {}) as { found?: string; expected?: string; suggestion?: string };
      return [{ ...base, message: issue.message, found: p.found ?? found, expected: p.expected, suggestion: p.suggestion }];
    }
    default:
      return [{ ...base, message: issue.message, found }];
  }
}

/** Type names as a YAML author thinks of them. */
function expectedType(expected: string, s: AnySchema | undefined): string {
  const options = s ? enumOptions(s) : undefined;
  if (options) return `one of: ${options.join(', ')}`;
  if (s && shapeOf(s) === 'object') return 'a mapping (key: value lines)';
  if (s && shapeOf(s) === 'array') return 'a list (lines starting with "- ")';
  switch (expected) {
    case 'string': return 'text';
    case 'number': return 'a number';
    case 'int': return 'a whole number';
    case 'boolean': return 'true or false';
    case 'object': return 'a mapping (key: value lines)';
    case 'array': return 'a list (lines starting with "- ")';
    default: return expected;
  }
}

/** ", plausible 10-30 cases per FTE" from a parameter's metadata, when it has some. */
function rangeNote(schema: AnySchema, path: PropertyKey[]): string {
  const s = schemaAt(schema, path);
  if (!s) return '';
  const meta = (s as unknown as { meta(): unknown }).meta?.() as { unit?: string; range?: unknown[] } | undefined;
  return meta?.unit ? ` (${meta.unit})` : '';
}

/**
 * Suggests the nearest valid key; when the key is valid elsewhere in the same group (a parameter
 * written at the wrong level), suggests its full path instead.
 */
function suggestKey(key: string, valid: readonly string[], path: PropertyKey[], schema: AnySchema): string | undefined {
  const near = nearest(key, valid);
  if (near !== undefined) return near;
  // the key belongs one or more levels down, e.g. `caseloadTarget` directly under `parameters`
  const here = schemaAt(schema, path);
  if (here) {
    const deeper = leafPaths(here).filter((p) => p.split('.').pop() === key);
    if (deeper.length === 1) return [...path.map(String), deeper[0]].join('.');
  }
  return undefined;
}
