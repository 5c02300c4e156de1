/**
 * Tool results: a short text for people and models that read text, and the
 * same data as `structuredContent` for clients that read the output schema.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

export function structuredResult(text: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: data };
}

export function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}
