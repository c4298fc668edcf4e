// Every test file gets IndexedDB (fake-indexeddb); each test then opens a fresh factory.
import 'fake-indexeddb/auto'
