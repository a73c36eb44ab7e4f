// Generated from the migrated schema by `npm run db:types`; do not edit. test/db-types.test.ts fails when stale.
// Value types are what src/platform/db.ts hands back: int8 as number, date as string, numeric as string.

export interface Tables {
  audit_log: {
    id: number;
    at: Date;
    mpp_id: string | null;
    tenant_id: string | null;
    actor_type: string;
    actor_id: string | null;
    actor_label: string | null;
    action: string;
    target_type: string;
    target_id: string | null;
    before: unknown | null;
    after: unknown | null;
    request_id: string | null;
  };
  booking_days: {
    mpp_id: string;
    service_id: string;
    local_day: string;
    booked: number;
  };
  booking_events: {
    mpp_id: string;
    id: number;
    booking_id: string;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_type: string;
    actor_id: string | null;
    detail: unknown;
    at: Date;
  };
  booking_mpp_settings: {
    mpp_id: string;
    max_active_per_nik: number;
    no_show_limit: number;
    no_show_window_days: number;
    suspension_days: number;
    updated_at: Date;
  };
  booking_secrets: {
    name: string;
    value: string;
    created_at: Date;
  };
  booking_slots: {
    mpp_id: string;
    service_id: string;
    starts_at: Date;
    local_day: string;
    booked: number;
  };
  booking_suspensions: {
    mpp_id: string;
    nik_hash: string;
    nik_masked: string;
    until: Date;
    no_shows: number;
    created_at: Date;
  };
  bookings: {
    mpp_id: string;
    id: string;
    code: string;
    service_id: string;
    slot_start: Date;
    slot_end: Date;
    local_day: string;
    nik_hash: string;
    nik_masked: string;
    name: string;
    phone: string | null;
    email: string | null;
    status: string;
    ticket_id: string | null;
    ticket_number: string | null;
    checked_in_at: Date | null;
    cancelled_at: Date | null;
    no_show_at: Date | null;
    reminded_at: Date | null;
    affected_at: Date | null;
    created_at: Date;
    updated_at: Date;
  };
  calendar_days: {
    id: string;
    mpp_id: string | null;
    day: string;
    kind: string;
    name: string;
    created_at: Date;
  };
  citizen_contacts: {
    kind: string;
    value: string;
    citizen_id: string;
    verified_at: Date;
  };
  citizen_login_codes: {
    id: string;
    kind: string;
    value: string;
    code_hash: string;
    client_hash: string;
    lang: string;
    created_at: Date;
    expires_at: Date;
    failed_attempts: number;
    used_at: Date | null;
  };
  citizen_push_subscriptions: {
    id: string;
    endpoint: string;
    p256dh: string;
    auth: string;
    citizen_id: string | null;
    lang: string;
    created_at: Date;
  };
  citizen_sessions: {
    token_hash: string;
    citizen_id: string;
    csrf_token: string;
    created_at: Date;
    expires_at: Date;
  };
  citizen_ticket_watches: {
    mpp_id: string;
    id: string;
    ticket_id: string;
    local_day: string;
    phone: string | null;
    email: string | null;
    push_subscription_id: string | null;
    lang: string;
    near_threshold: number;
    consent_at: Date;
    near_sent_at: Date | null;
    called_sent_at: Date | null;
    survey_sent_at: Date | null;
  };
  citizen_vapid_keys: {
    id: boolean;
    public_key: string;
    private_key: string;
    created_at: Date;
  };
  citizens: {
    id: string;
    lang: string;
    created_at: Date;
    last_seen_at: Date;
  };
  complaint_attachments: {
    mpp_id: string;
    id: string;
    complaint_id: string;
    media_type: string;
    size_bytes: number;
    file_name: string;
    content: Uint8Array;
    created_at: Date;
  };
  complaint_events: {
    mpp_id: string;
    id: number;
    complaint_id: string;
    at: Date;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_type: string;
    actor_id: string | null;
    actor_label: string | null;
    visibility: string;
    note: string | null;
  };
  complaints: {
    mpp_id: string;
    id: string;
    tracking_code: string;
    channel: string;
    class: string;
    subject_type: string;
    subject_tenant_id: string | null;
    subject_service_id: string | null;
    subject_detail: string | null;
    description: string;
    contact_name: string | null;
    contact_email: string | null;
    contact_phone: string | null;
    consent_share_identity: boolean;
    address: string | null;
    lat: number | null;
    long: number | null;
    status: string;
    track: string | null;
    assigned_tenant_id: string | null;
    duplicate_of: string | null;
    public_answer: string | null;
    status_reason: string | null;
    received_at: Date;
    verification_due_at: Date;
    verified_at: Date | null;
    resolution_due_at: Date | null;
    answered_at: Date | null;
    reopen_until: Date | null;
    closed_at: Date | null;
    overdue_notified: string | null;
    open311_key_id: string | null;
    lapor_ref: string | null;
    updated_at: Date;
  };
  counter_services: {
    mpp_id: string;
    counter_id: string;
    service_id: string;
    weight: number;
  };
  counters: {
    mpp_id: string;
    id: string;
    tenant_id: string;
    number: number;
    name: string;
    active: boolean;
    created_at: Date;
    updated_at: Date;
  };
  device_tokens: {
    mpp_id: string;
    id: string;
    kind: string;
    name: string;
    token_hash: string;
    created_by: string | null;
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
  display_events: {
    mpp_id: string;
    seq: number;
    zone: string | null;
    type: string;
    payload: unknown;
    at: Date;
  };
  display_seq: {
    mpp_id: string;
    last_seq: number;
  };
  mpp_special_days: {
    mpp_id: string;
    id: string;
    day: string;
    opens: string;
    closes: string;
    breaks: unknown;
    note: string;
    created_at: Date;
    updated_at: Date;
  };
  mpps: {
    id: string;
    slug: string;
    name: string;
    timezone: string;
    created_at: Date;
    updated_at: Date;
    weekly_hours: unknown;
    region_code: string | null;
    address: string;
    waiting_capacity: number | null;
    contacts: unknown;
    facilities: string[];
    maklumat: string;
    published: boolean;
  };
  open311_api_keys: {
    mpp_id: string;
    id: string;
    name: string;
    key_hash: string;
    key_prefix: string;
    created_by: string | null;
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
  };
  outbox: {
    id: number;
    mpp_id: string | null;
    topic: string;
    payload: unknown;
    created_at: Date;
    available_at: Date;
    attempts: number;
    last_error: string | null;
    delivered_at: Date | null;
    failed_at: Date | null;
  };
  priority_classes: {
    mpp_id: string;
    id: string;
    code: string;
    name: string;
    weight: number;
    active: boolean;
    created_at: Date;
  };
  queue_counter_state: {
    mpp_id: string;
    counter_id: string;
    status: string;
    pause_reason: string | null;
    officer_id: string | null;
    zone: string | null;
    updated_at: Date;
  };
  queue_mpp_settings: {
    mpp_id: string;
    max_recalls: number;
    waiting_room_capacity: number | null;
    default_service_minutes: number;
    updated_at: Date;
  };
  queue_number_seq: {
    mpp_id: string;
    prefix: string;
    local_day: string;
    last_seq: number;
  };
  queue_service_day: {
    mpp_id: string;
    service_id: string;
    local_day: string;
    issued: number;
    quota: number | null;
  };
  queue_service_settings: {
    mpp_id: string;
    service_id: string;
    daily_quota: number | null;
    updated_at: Date;
  };
  regions: {
    code: string;
    level: string;
    kind: string;
    province_code: string;
    name: string;
    official_name: string;
    timezone: string;
  };
  requirement_types: {
    code: string;
    name: string;
    description: string;
  };
  role_grants: {
    id: string;
    user_id: string;
    role: string;
    mpp_id: string | null;
    tenant_id: string | null;
    created_at: Date;
  };
  schema_migrations: {
    version: string;
    name: string;
    checksum: string;
    applied_at: Date;
  };
  search_synonyms: {
    term: string;
    kind: string;
    expansion: string;
  };
  search_vocabulary: {
    word: string;
  };
  service_requirements: {
    mpp_id: string;
    id: string;
    service_id: string;
    position: number;
    type_code: string;
    note: string;
  };
  service_versions: {
    mpp_id: string;
    id: string;
    service_id: string;
    version: number;
    valid_from: Date;
    valid_to: Date | null;
    snapshot: unknown;
    changed_by: string | null;
  };
  services: {
    mpp_id: string;
    id: string;
    tenant_id: string;
    code: string;
    name: string;
    ticket_prefix: string;
    active: boolean;
    created_at: Date;
    updated_at: Date;
    description: string;
    procedure_steps: string[];
    completion_value: number;
    completion_unit: string;
    fee_rupiah: number;
    fee_legal_basis: string;
    product: string;
    complaint_channels: string;
    internal_standard: unknown;
    channels: string[];
    handling_minutes: number;
    booking_settings: unknown;
    version: number;
    search_text: string;
    search_words: string[];
  };
  sessions: {
    token_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
  };
  survey_answer_labels: {
    mpp_id: string;
    id: string;
    service_id: string;
    unsur: number;
    score: number;
    label_id: string;
    label_en: string;
    updated_at: Date;
  };
  survey_handoffs: {
    mpp_id: string;
    id: string;
    counter_id: string;
    token_id: string;
    expires_at: Date;
  };
  survey_publications: {
    mpp_id: string;
    id: string;
    period: string;
    period_end: string;
    snapshot: unknown;
    published_at: Date;
    published_by: string | null;
  };
  survey_responses: {
    mpp_id: string;
    id: string;
    tenant_id: string;
    service_id: string;
    served_on: string;
    channel: string;
    u1: number | null;
    u2: number | null;
    u3: number | null;
    u4: number | null;
    u5: number | null;
    u6: number | null;
    u7: number | null;
    u8: number | null;
    u9: number | null;
    gender: string | null;
    age_group: string | null;
    education: string | null;
    occupation: string | null;
    suggestion: string | null;
  };
  survey_tablets: {
    mpp_id: string;
    id: string;
    device_id: string;
    counter_id: string;
    created_at: Date;
  };
  survey_tokens: {
    mpp_id: string;
    id: string;
    token_hash: string;
    source_kind: string;
    source_id: string;
    service_id: string;
    tenant_id: string;
    served_at: Date | null;
    responded: boolean;
    created_at: Date;
  };
  tenant_agreements: {
    mpp_id: string;
    id: string;
    tenant_id: string;
    kind: string;
    number: string;
    signed_on: string;
    valid_until: string | null;
    status: string;
    note: string;
    created_at: Date;
    updated_at: Date;
  };
  tenants: {
    mpp_id: string;
    id: string;
    code: string;
    name: string;
    kind: string;
    created_at: Date;
    updated_at: Date;
    description: string;
    logo: string | null;
    active: boolean;
  };
  ticket_events: {
    mpp_id: string;
    id: number;
    ticket_id: string;
    type: string;
    at: Date;
    actor_type: string;
    actor_id: string | null;
    counter_id: string | null;
    service_id: string;
    from_service_id: string | null;
    note: string | null;
  };
  tickets: {
    mpp_id: string;
    id: string;
    visit_id: string;
    service_id: string;
    tenant_id: string;
    prefix: string;
    seq: number;
    number: string;
    local_day: string;
    channel: string;
    status: string;
    priority_class_id: string | null;
    priority_weight: number;
    issued_at: Date;
    rank_at: Date;
    queued_at: Date;
    counter_id: string | null;
    target_counter_id: string | null;
    called_at: Date | null;
    recall_count: number;
    status_token: string;
    idempotency_key: string | null;
    request_hash: string | null;
    updated_at: Date;
    booked_for: Date | null;
  };
  users: {
    id: string;
    email: string;
    name: string;
    password_hash: string;
    status: string;
    must_change_password: boolean;
    failed_login_count: number;
    locked_until: Date | null;
    password_changed_at: Date;
    created_at: Date;
    updated_at: Date;
  };
  visits: {
    mpp_id: string;
    id: string;
    token: string;
    created_at: Date;
  };
}

/** One row of a table, as `SELECT *` returns it. */
export type Row<T extends keyof Tables> = Tables[T];
