/**
 * Every user-visible string of the elements, in one catalogue. The language comes from the `lang` attribute nearest
 * the element (crossing shadow roots), falling back to English.
 */
export const MESSAGES = {
  en: {
    'state.verifying': 'Verifying…',
    'state.verified': 'Verified',
    'state.failed': 'Not valid',
    'state.indeterminate': 'Could not check',
    'state.idle': 'Not verified yet',
    'step.load': 'Loading the credential',
    'step.format': 'Reading the credential',
    'step.signature': 'Checking the signature and issuer key',
    'step.validity': 'Checking the dates',
    'step.status': 'Checking revocation',
    'step.schema': 'Checking the schema',
    'reason.revoked': 'Revoked by the issuer',
    'reason.suspended': 'Suspended by the issuer',
    'reason.expired': 'Expired on {date}',
    'reason.not-yet-valid': 'Not valid until {date}',
    'reason.invalid-signature': 'Signature does not match: the badge was changed after it was issued',
    'reason.issuer-mismatch': 'Signed by someone other than the issuer',
    'reason.key-not-found': 'Issuer key not found',
    'reason.not-assertion-method': 'The issuer does not use this key to issue badges',
    'reason.no-proof': 'The badge is not signed',
    'reason.disallowed-alg': 'The signature uses an algorithm that is not accepted',
    'reason.claims-mismatch': 'The signed token disagrees with the badge',
    'reason.format': 'Not a valid badge',
    'reason.unreadable': 'The badge could not be loaded',
    'reason.schema-invalid': 'The badge does not match its schema',
    'reason.could-not-check': 'Could not check {check}',
    'check.format': 'format',
    'check.signature': 'signature',
    'check.validity': 'dates',
    'check.status': 'revocation status',
    'check.schema': 'schema',
    'outcome.passed': 'passed',
    'outcome.failed': 'failed',
    'outcome.indeterminate': 'could not check',
    'outcome.skipped': 'skipped',
    'label.issuedBy': 'Issued by',
    'label.verifiedId': 'verified identity',
    'label.unverifiedId': 'identity not verified',
    'label.issued': 'Issued',
    'label.expires': 'Expires',
    'label.recipient': 'Awarded to',
    'label.criteria': 'Criteria',
    'label.skills': 'Skills',
    'label.evidence': 'Evidence',
    'label.results': 'Results',
    'label.endorsements': '{count} endorsements',
    'label.endorsement': '1 endorsement',
    'label.badgeImage': 'Badge image: {name}',
    'label.untitled': 'Untitled badge',
    'label.unknownIssuer': 'Unknown issuer',
    'button.verify': 'Verify',
    'button.verifyAgain': 'Verify again',
    'button.close': 'Close',
    'button.details': 'Details',
    'dialog.title': 'Verification of {name}',
    'dialog.checkedAt': 'Checked at {date}',
    'dialog.signedBy': 'Signed with key {key}, controlled by {controller}',
    'dialog.viewCredential': 'View credential',
    'dialog.check': 'Check',
    'dialog.outcome': 'Outcome',
    'dialog.code': 'Code',
    'dialog.message': 'Message',
    'passport.summary.verified': '{count} verified',
    'passport.summary.expired': '{count} expired',
    'passport.summary.revoked': '{count} revoked',
    'passport.summary.failed': '{count} not valid',
    'passport.summary.indeterminate': '{count} could not be checked',
    'passport.summary.verifying': '{count} verifying',
    'passport.skills': 'Skills',
    'passport.skillBacking': '{count} verified badges',
    'passport.skillBackingOne': '1 verified badge',
    'passport.filter': 'Filter by skill',
    'passport.allSkills': 'All skills',
    'passport.sort': 'Sort by',
    'passport.sortDate': 'Date',
    'passport.sortName': 'Name',
    'passport.empty': 'No badges to show',
    'passport.loadError': 'The badge list could not be loaded: {reason}',
  },
  es: {
    'state.verifying': 'Verificando…',
    'state.verified': 'Verificada',
    'state.failed': 'No válida',
    'state.indeterminate': 'No se pudo comprobar',
    'state.idle': 'Aún sin verificar',
    'step.load': 'Cargando la credencial',
    'step.format': 'Leyendo la credencial',
    'step.signature': 'Comprobando la firma y la clave del emisor',
    'step.validity': 'Comprobando las fechas',
    'step.status': 'Comprobando la revocación',
    'step.schema': 'Comprobando el esquema',
    'reason.revoked': 'Revocada por el emisor',
    'reason.suspended': 'Suspendida por el emisor',
    'reason.expired': 'Caducó el {date}',
    'reason.not-yet-valid': 'No es válida hasta el {date}',
    'reason.invalid-signature': 'La firma no coincide: la insignia se modificó después de emitirse',
    'reason.issuer-mismatch': 'Firmada por alguien distinto del emisor',
    'reason.key-not-found': 'No se encontró la clave del emisor',
    'reason.not-assertion-method': 'El emisor no usa esta clave para emitir insignias',
    'reason.no-proof': 'La insignia no está firmada',
    'reason.disallowed-alg': 'La firma usa un algoritmo no aceptado',
    'reason.claims-mismatch': 'El token firmado no coincide con la insignia',
    'reason.format': 'No es una insignia válida',
    'reason.unreadable': 'No se pudo cargar la insignia',
    'reason.schema-invalid': 'La insignia no se ajusta a su esquema',
    'reason.could-not-check': 'No se pudo comprobar {check}',
    'check.format': 'el formato',
    'check.signature': 'la firma',
    'check.validity': 'las fechas',
    'check.status': 'el estado de revocación',
    'check.schema': 'el esquema',
    'outcome.passed': 'correcto',
    'outcome.failed': 'fallido',
    'outcome.indeterminate': 'no comprobado',
    'outcome.skipped': 'omitido',
    'label.issuedBy': 'Emitida por',
    'label.verifiedId': 'identidad verificada',
    'label.unverifiedId': 'identidad no verificada',
    'label.issued': 'Emitida',
    'label.expires': 'Caduca',
    'label.recipient': 'Otorgada a',
    'label.criteria': 'Criterios',
    'label.skills': 'Competencias',
    'label.evidence': 'Evidencias',
    'label.results': 'Resultados',
    'label.endorsements': '{count} avales',
    'label.endorsement': '1 aval',
    'label.badgeImage': 'Imagen de la insignia: {name}',
    'label.untitled': 'Insignia sin título',
    'label.unknownIssuer': 'Emisor desconocido',
    'button.verify': 'Verificar',
    'button.verifyAgain': 'Verificar de nuevo',
    'button.close': 'Cerrar',
    'button.details': 'Detalles',
    'dialog.title': 'Verificación de {name}',
    'dialog.checkedAt': 'Comprobada el {date}',
    'dialog.signedBy': 'Firmada con la clave {key}, controlada por {controller}',
    'dialog.viewCredential': 'Ver la credencial',
    'dialog.check': 'Comprobación',
    'dialog.outcome': 'Resultado',
    'dialog.code': 'Código',
    'dialog.message': 'Mensaje',
    'passport.summary.verified': '{count} verificadas',
    'passport.summary.expired': '{count} caducadas',
    'passport.summary.revoked': '{count} revocadas',
    'passport.summary.failed': '{count} no válidas',
    'passport.summary.indeterminate': '{count} sin comprobar',
    'passport.summary.verifying': '{count} verificando',
    'passport.skills': 'Competencias',
    'passport.skillBacking': '{count} insignias verificadas',
    'passport.skillBackingOne': '1 insignia verificada',
    'passport.filter': 'Filtrar por competencia',
    'passport.allSkills': 'Todas las competencias',
    'passport.sort': 'Ordenar por',
    'passport.sortDate': 'Fecha',
    'passport.sortName': 'Nombre',
    'passport.empty': 'No hay insignias',
    'passport.loadError': 'No se pudo cargar la lista de insignias: {reason}',
  },
} as const;

export type MessageKey = keyof (typeof MESSAGES)['en'];
export type Language = keyof typeof MESSAGES;

/** The language of the nearest `lang` attribute, crossing shadow roots; English when none is supported. */
export function languageOf(element: Element): Language {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return supported(node.getAttribute('lang')!);
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}

export function supported(lang: string): Language {
  const base = lang.toLowerCase().split('-')[0] as Language;
  return base in MESSAGES ? base : 'en';
}

/** The message for `key` in `lang`, with `{name}` placeholders filled in (as text). */
export function msg(lang: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[lang][key] ?? MESSAGES.en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/** A date in the page's language, or the raw text when it is not a date. */
export function formatDate(lang: Language, value: string | undefined, withTime = false): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(lang, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
