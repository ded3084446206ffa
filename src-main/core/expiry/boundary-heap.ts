/**
 * An indexed binary min-heap of items keyed by an instant, so the expiry scheduler finds the next
 * status change in O(1) and moves or removes one account in O(log n). Each item records its own
 * position (`heapIndex`, -1 when not in the heap), which is what makes removal cheap.
 */

/** What the heap needs from an item: its key and a slot for its position. */
export interface BoundaryHeapItem {
  /** The instant the item is ordered by (smallest first). */
  key: number;
  /** Position in the heap, maintained by the heap; -1 when not in it. */
  heapIndex: number;
}

/** Min-heap over `key` with O(log n) insert, re-key and removal of any item. */
export class BoundaryHeap<T extends BoundaryHeapItem> {
  readonly #items: T[] = [];

  /** How many items are in the heap. */
  get size(): number {
    return this.#items.length;
  }

  /** The item with the smallest key, without removing it. */
  peek(): T | undefined {
    return this.#items[0];
  }

  /** Adds `item`, or restores order after its key changed when it is already in. */
  upsert(item: T): void {
    if (item.heapIndex < 0) {
      item.heapIndex = this.#items.length;
      this.#items.push(item);
    }
    this.#siftUp(item.heapIndex);
    this.#siftDown(item.heapIndex);
  }

  /** Takes `item` out; harmless when it is not in. */
  remove(item: T): void {
    const index = item.heapIndex;
    if (index < 0) return;
    item.heapIndex = -1;
    const last = this.#items.pop();
    if (last === undefined || last === item) return;
    this.#place(last, index);
    this.#siftUp(index);
    this.#siftDown(index);
  }

  /** Replaces the whole content in O(n). */
  rebuild(items: Iterable<T>): void {
    for (const item of this.#items) item.heapIndex = -1;
    this.#items.length = 0;
    for (const item of items) {
      item.heapIndex = this.#items.length;
      this.#items.push(item);
    }
    for (let index = (this.#items.length >> 1) - 1; index >= 0; index -= 1) this.#siftDown(index);
  }

  /** Empties the heap. */
  clear(): void {
    this.rebuild([]);
  }

  #siftUp(start: number): void {
    let index = start;
    const item = this.#items[index];
    if (item === undefined) return;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.#items[parentIndex];
      if (parent === undefined || parent.key <= item.key) break;
      this.#place(parent, index);
      index = parentIndex;
    }
    this.#place(item, index);
  }

  #siftDown(start: number): void {
    let index = start;
    const item = this.#items[index];
    if (item === undefined) return;
    const length = this.#items.length;
    for (;;) {
      const leftIndex = 2 * index + 1;
      if (leftIndex >= length) break;
      const left = this.#items[leftIndex];
      const right = this.#items[leftIndex + 1];
      if (left === undefined) break;
      let childIndex = leftIndex;
      let child = left;
      if (right !== undefined && right.key < left.key) {
        childIndex = leftIndex + 1;
        child = right;
      }
      if (child.key >= item.key) break;
      this.#place(child, index);
      index = childIndex;
    }
    this.#place(item, index);
  }

  #place(item: T, index: number): void {
    this.#items[index] = item;
    item.heapIndex = index;
  }
}
