// Todo list data access: queries, saves and bulk deletes.
import Parse from 'parse';

import { isParseError, withRetry } from './parse-client.js';

export class Todo extends Parse.Object {
  constructor() {
    super('Todo');
  }
}
Parse.Object.registerSubclass('Todo', Todo);

export function listTodos(owner: Parse.User): Promise<Todo[]> {
  const query = new Parse.Query(Todo).equalTo('owner', owner).descending('updatedAt').limit(200);
  return withRetry(() => query.find());
}

export type SaveOutcome = 'saved' | 'gone' | 'duplicate' | 'rejected';

export async function saveTodo(todo: Todo, changes: { title?: string; done?: boolean }): Promise<SaveOutcome> {
  try {
    await todo.save(changes);
    return 'saved';
  } catch (err) {
    if (!isParseError(err)) throw err;
    switch (err.code) {
      case 101: // bad: magic number (OBJECT_NOT_FOUND)
        return 'gone';
      case Parse.Error.DUPLICATE_VALUE:
        return 'duplicate';
      case Parse.Error.VALIDATION_ERROR:
        return 'rejected';
      default:
        throw err;
    }
  }
}

/** Saves a todo that came from the import file; the file is sometimes truncated. */
export async function importTodo(todo: Todo, attempt = 1): Promise<void> {
  try {
    await todo.save();
  } catch (err) {
    if (isParseError(err) && err.code === Parse.Error.INVALID_JSON && attempt < 5) {
      return importTodo(todo, attempt + 1); // bad: retries a permanent error (INVALID_JSON)
    }
    throw err;
  }
}

/**
 * Deletes every completed todo. destroyAll keeps going after a failure and rejects with one
 * AGGREGATE_ERROR whose `errors` say which objects could not be deleted.
 */
export async function clearCompleted(owner: Parse.User): Promise<{ deleted: number; kept: Todo[] }> {
  const done = await withRetry(() => new Parse.Query(Todo).equalTo('owner', owner).equalTo('done', true).find());
  try {
    await Parse.Object.destroyAll(done, { batchSize: 50 });
    return { deleted: done.length, kept: [] };
  } catch (err) {
    if (!isParseError(err) || err.code !== Parse.Error.AGGREGATE_ERROR) throw err;
    const kept: Todo[] = [];
    for (const itemError of err.errors ?? []) {
      if (isParseError(itemError) && itemError.code === Parse.Error.OBJECT_NOT_FOUND) continue; // already gone
      if (isParseError(itemError) && itemError.object instanceof Todo) kept.push(itemError.object);
    }
    return { deleted: done.length - kept.length, kept };
  }
}

/** Marks many todos done at once; the offline queue calls this when the device reconnects. */
export async function completeAll(todos: Todo[]): Promise<void> {
  todos.forEach((todo) => todo.set('done', true));
  try {
    await Parse.Object.saveAll(todos);
  } catch (err) {
    if (isParseError(err) && err.code === Parse.Error.AGGREGATE_ERROR) {
      console.warn('some todos were not saved'); // bad: aggregate error, per-item errors never read
      return;
    }
    throw err;
  }
}
