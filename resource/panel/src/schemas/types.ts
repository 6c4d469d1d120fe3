// The small schema a generic page is driven by: what to list, how to filter, which forms
// create and edit a row, and which row actions exist, each gated by an /auth/codes code.
export interface Option { label: string; value: string | number }

export interface Field {
  key: string
  label?: string
  // list: one value a line (or comma-separated), sent as an array; file: a multipart upload.
  type?: 'text' | 'number' | 'password' | 'select' | 'textarea' | 'switch' | 'datetime' | 'list' | 'file'
  options?: Option[]
  required?: boolean
  placeholder?: string
  // A file field's accepted types (default: a PNG or JPEG image).
  accept?: string
}

export interface Column {
  key: string
  label?: string
  width?: number
  sortable?: boolean
  format?: (v: any, row: any) => string
}

export interface Action {
  // An action.* i18n key (shown as is when there is none).
  label: string
  code?: string
  danger?: boolean
  confirm?: boolean
  show?: (row: any) => boolean
  // A form asks for input before the call; without one the call runs with body().
  fields?: Field[]
  method?: 'post' | 'put' | 'delete'
  // A page's own handling (e.g. a dialog of its own) instead of a call.
  handler?: (row: any) => void
  // A file download (with progress) instead of a call.
  download?: (row: any) => { url: string; params?: any }
  url?: (row: any, form?: any) => string
  body?: (row: any, form: any) => any
  // Shown after success, e.g. secrets that are displayed once.
  reveal?: (data: any) => Record<string, any> | null
  // A sub-list of the row (e.g. a job's runs) shown in a drawer.
  sub?: (row: any) => ListSchema
  // A detail endpoint whose answer the detail drawer shows (e.g. an order with its log).
  detail?: (row: any) => string
  // Sends an Idempotency-Key, so a double click or a retry cannot act twice.
  idempotent?: boolean
  // The form goes as multipart/form-data (a file field, e.g. an import).
  multipart?: boolean
  // The title (a page.* key) of the alert that shows reveal()'s answer; default "shown once".
  revealTitle?: string
}

export interface ListSchema {
  // The list endpoint; a function when it depends on a filter (null: ask for that filter).
  list: string | ((filters: any) => string | null)
  columns?: Column[]
  filters?: Field[]
  create?: { code?: string; url: string; fields: Field[]; reveal?: Action['reveal']; defaults?: any; body?: (form: any) => any; multipart?: boolean }
  edit?: { code?: string; url: (row: any) => string; fields: Field[]; body?: (form: any, row?: any) => any }
  remove?: { code?: string; url: (row: any) => string }
  actions?: Action[]
  exportFile?: { code?: string; url: string | ((f: any) => string); params?: any }
  // Page-level actions (no row), e.g. "take a backup now".
  toolbar?: Action[]
  // Lists that are not paged answer a plain array (or an object without a total).
  plain?: boolean
  // Fixed query parameters (a sub-list's parent).
  params?: Record<string, any>
}

// An action of a page about one object (ObjectPage.vue).
export interface PageAction {
  label: string
  code?: string
  method: 'get' | 'post' | 'put'
  url: (form: any) => string
  fields?: Field[]
  // Start the form from the loaded object and send only what changed.
  editsObject?: boolean
  confirm?: boolean
  body?: (form: any) => any
}
