/**
 * jsonld, slimmed to what verifying a Data Integrity proof runs. The builds resolve `jsonld` to this file: the library
 * (vite.config.ts; so dist/core.js and the CLI run it in Node too) and the single-file bundle (vite.bundle.config.ts);
 * so do the Chromium tests (web-test-runner.config.mjs). Running the sources in Node (mocha with tsx, bench/, the
 * conformance suite) and the demo build keep the full package.
 *
 * What it is. The jsonld API object of node_modules/jsonld/lib/jsonld.js (jsonld 9.0.0), built from the package's own
 * lib/ modules, required by path (`jsonld/lib/expand.js`, …), so they are the very files the full package runs, with
 * the repository's patch to lib/context.js, lib/ContextResolver.js and lib/expand.js (patches/jsonld+9.0.0.patch) applied. The API
 * functions below are lib/jsonld.js's own, copied without a change (scripts/check-dist.mjs compares them with the
 * installed lib/jsonld.js, so an edit or an upgrade there fails the check), around the same modules, the same shared
 * resolved-context cache (an LRU of 100) and the same option defaults (`_setDefaults`).
 *
 * What it keeps: expand, toRDF, canonize (= normalize), processContext, getContextValue, get, the documentLoader
 * property, documentLoaders / useDocumentLoader, url, the event handlers, util (also spread onto the object, as
 * jsonld does: getValues, addValue, clone, …) and promises. These are all the verification path calls:
 *   - jsonld-signatures: getValues (ProofSet, ControllerProofPurpose), addValue (ProofSet, when signing), toRDF
 *     (LinkedDataSignature.canonize, for Ed25519Signature2020), the `jsonld.InvalidUrl` error name (a string);
 *   - @digitalbazaar/eddsa-rdfc-2022-cryptosuite, ecdsa-rdfc-2019-cryptosuite, di-sd-primitives (canonize, the
 *     ecdsa-sd-2023 verify path): toRDF; src/core/crypto/eddsa-rdfc-2022.ts: toRDF;
 *   - src/core/proofs/data-integrity.ts: expand (JCS suites, safe mode), getValues (the issuance purpose);
 *   - @digitalbazaar/data-integrity, ed25519-signature-2020 and the JCS suites call none (the JCS suites use
 *     `canonicalize`); the tests call toRDF and canonize (test/infra.test.ts, the differential test).
 *
 * What it leaves out, and why nothing that verifies reaches it:
 *   - compact, flatten, frame, link, fromRDF, createNodeMap, merge (lib/compact.js, flatten.js, frame.js, fromRdf.js),
 *     JsonLdProcessor and RequestQueue: each is replaced by a function that throws a `jsonld.NotIncluded` JsonLdError.
 *     - frame: jsonld-signatures calls it in LinkedDataSignature.getVerificationMethod, which Ed25519Signature2020 and
 *       DataIntegrityProof both override (they load the method with the document loader), and in
 *       ControllerProofPurpose.validate only for a controller document that is not a DID document (its @context is
 *       neither "https://www.w3.org/ns/did/v1" with a DID verification relationship term such as assertionMethod,
 *       nor an array starting with it). The controller documents src/core/proofs/data-integrity.ts makes are always
 *       DID-shaped ({'@context': DID_V1} or [DID_V1, MULTIKEY_V1]) and its purposes use the term assertionMethod.
 *       One case remains: its document loader answers with a pinned context, or a context the caller passed, before
 *       the documents it made, so a controller whose id is also such a URL (an https controller served, through the
 *       injected fetch, at a pinned context's URL) gets that document, which is not DID-shaped; after its signature
 *       verified, such a proof then fails its purpose check with jsonld.NotIncluded where the full package would
 *       frame the document: for a pinned context it fails too ("not authorized": a context lists no assertionMethod);
 *       for a controller document the caller passed as a context it could pass. Serving the documents the key
 *       resolution bound before any context would close this case.
 *     - compact: only di-sd-primitives' skolemizeCompactJsonLd, which ecdsa-sd-2023 runs when it signs or derives a
 *       proof (canonicalizeAndGroup), never when it verifies one (labelReplacementCanonicalizeJsonLd → toRDF).
 *     - the rest: nobody on the path calls them.
 *   - the document loaders of lib/documentLoaders (xhr for browsers, node) and lib/platform*.js: the default
 *     documentLoader stays jsonld's own, which refuses every URL ("URL dereferencing not implemented"), as the full
 *     package does where there is no XMLHttpRequest (Workers). Every call on the path passes the verification's
 *     documentLoader (pinned contexts, the caller's contexts and the key documents made for the verification;
 *     nothing is fetched), so the default is never used; no global
 *     `JsonLdProcessor` is defined either.
 *   - registerRDFParser / unregisterRDFParser: the parsers serve fromRDF alone.
 * What remains is lib/expand.js, toRdf.js, context.js, ContextResolver.js, ResolvedContext.js, nodeMap.js (toRdf),
 * util.js, url.js, events.js, types.js, graphTypes.js, constants.js, JsonLdError.js, NQuads.js, and rdf-canonize,
 * canonicalize and lru-cache.
 */
/**
 * The API functions below come from jsonld.js (lib/jsonld.js), a JavaScript implementation of the JSON-LD API.
 *
 * @author Dave Longley
 *
 * @license BSD 3-Clause License
 * Copyright (c) 2011-2022 Digital Bazaar, Inc.
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * Redistributions of source code must retain the above copyright notice,
 * this list of conditions and the following disclaimer.
 *
 * Redistributions in binary form must reproduce the above copyright
 * notice, this list of conditions and the following disclaimer in the
 * documentation and/or other materials provided with the distribution.
 *
 * Neither the name of the Digital Bazaar, Inc. nor the names of its
 * contributors may be used to endorse or promote products derived from
 * this software without specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS
 * IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED
 * TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A
 * PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT
 * HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
 * SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED
 * TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR
 * PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF
 * LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING
 * NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
'use strict';

const canonize = require('rdf-canonize');
const util = require('jsonld/lib/util.js');
const ContextResolver = require('jsonld/lib/ContextResolver.js');
const JsonLdError = require('jsonld/lib/JsonLdError.js');
const LRU = require('lru-cache');
const NQuads = require('jsonld/lib/NQuads.js');

const {expand: _expand} = require('jsonld/lib/expand.js');
const {toRDF: _toRDF} = require('jsonld/lib/toRdf.js');

const {
  isArray: _isArray,
  isObject: _isObject,
  isString: _isString
} = require('jsonld/lib/types.js');

const {
  getInitialContext: _getInitialContext,
  process: _processContext
} = require('jsonld/lib/context.js');

const {
  logEventHandler: _logEventHandler,
  logWarningEventHandler: _logWarningEventHandler,
  safeEventHandler: _safeEventHandler,
  setDefaultEventHandler: _setDefaultEventHandler,
  setupEventHandler: _setupEventHandler,
  strictEventHandler: _strictEventHandler,
  unhandledEventHandler: _unhandledEventHandler
} = require('jsonld/lib/events.js');

const jsonld = {};

// resolved context cache (as in lib/jsonld.js)
// TODO: consider basing max on context size rather than number
const RESOLVED_CONTEXT_CACHE_MAX_SIZE = 100;
const _resolvedContextCache = new LRU({max: RESOLVED_CONTEXT_CACHE_MAX_SIZE});

/**
 * Performs JSON-LD expansion.
 *
 * @param input the JSON-LD input to expand.
 * @param [options] the options to use:
 *          [base] the base IRI to use.
 *          [expandContext] a context to expand with.
 *          [keepFreeFloatingNodes] true to keep free-floating nodes,
 *            false not to, defaults to false.
 *          [documentLoader(url, options)] the document loader.
 *          [safe] true to use safe mode. (default: false)
 *          [contextResolver] internal use only.
 *
 * @return a Promise that resolves to the expanded output.
 */
jsonld.expand = async function(input, options) {
  if(arguments.length < 1) {
    throw new TypeError('Could not expand, too few arguments.');
  }

  // set default options
  options = _setDefaults(options, {
    keepFreeFloatingNodes: false,
    contextResolver: new ContextResolver(
      {sharedCache: _resolvedContextCache})
  });

  // build set of objects that may have @contexts to resolve
  const toResolve = {};

  // build set of contexts to process prior to expansion
  const contextsToProcess = [];

  // if an `expandContext` has been given ensure it gets resolved
  if('expandContext' in options) {
    const expandContext = util.clone(options.expandContext);
    if(_isObject(expandContext) && '@context' in expandContext) {
      toResolve.expandContext = expandContext;
    } else {
      toResolve.expandContext = {'@context': expandContext};
    }
    contextsToProcess.push(toResolve.expandContext);
  }

  // if input is a string, attempt to dereference remote document
  let defaultBase;
  if(!_isString(input)) {
    // input is not a URL, do not need to retrieve it first
    toResolve.input = util.clone(input);
  } else {
    // load remote doc
    const remoteDoc = await jsonld.get(input, options);
    defaultBase = remoteDoc.documentUrl;
    toResolve.input = remoteDoc.document;
    if(remoteDoc.contextUrl) {
      // context included in HTTP link header and must be resolved
      toResolve.remoteContext = {'@context': remoteDoc.contextUrl};
      contextsToProcess.push(toResolve.remoteContext);
    }
  }

  // set default base
  if(!('base' in options)) {
    options.base = defaultBase || '';
  }

  // process any additional contexts
  let activeCtx = _getInitialContext(options);
  for(const localCtx of contextsToProcess) {
    activeCtx = await _processContext({activeCtx, localCtx, options});
  }

  // expand resolved input
  let expanded = await _expand({
    activeCtx,
    element: toResolve.input,
    options
  });

  // optimize away @graph with no other properties
  if(_isObject(expanded) && ('@graph' in expanded) &&
    Object.keys(expanded).length === 1) {
    expanded = expanded['@graph'];
  } else if(expanded === null) {
    expanded = [];
  }

  // normalize to an array
  if(!_isArray(expanded)) {
    expanded = [expanded];
  }

  return expanded;
};

/**
 * Performs RDF dataset normalization on the given input. The input is JSON-LD
 * unless the 'inputFormat' option is used. The output is an RDF dataset
 * unless a non-null 'format' option is used.
 *
 * Note: Canonicalization sets `safe` to `true` and `base` to `null` by
 * default in order to produce safe outputs and "fail closed" by default. This
 * is different from the other API transformations in this version which
 * allow unsafe defaults (for cryptographic usage) in order to comply with the
 * JSON-LD 1.1 specification.
 *
 * @param input the input to normalize as JSON-LD given as an RDF dataset or as
 *          a format specified by the 'inputFormat' option.
 * @param [options] the options to use:
 *          [base] the base IRI to use (default: `null`).
 *          [expandContext] a context to expand with.
 *          [skipExpansion] true to assume the input is expanded and skip
 *            expansion, false not to, defaults to false. Some well-formed
 *            and safe-mode checks may be omitted.
 *          [inputFormat] the input format. null for a JSON-LD object,
 *            'application/n-quads' for N-Quads. (default: null)
 *          [format] the output format. null for an RDF dataset,
 *            'application/n-quads' for an N-Quads string. (default: N-Quads)
 *          [documentLoader(url, options)] the document loader.
 *          [rdfDirection] null or 'i18n-datatype' to support RDF
 *             transformation of @direction (default: null).
 *          [safe] true to use safe mode. (default: true).
 *          [canonizeOptions] options to pass to rdf-canonize canonize(). See
 *            rdf-canonize for more details. Commonly used options, and their
 *            defaults, are:
 *            algorithm="RDFC-1.0",
 *            messageDigestAlgorithm="sha256",
 *            canonicalIdMap,
 *            maxWorkFactor=1,
 *            maxDeepIterations=-1,
 *            and signal=null.
 *          [contextResolver] internal use only.
 *
 * @return a Promise that resolves to the normalized output.
 */
jsonld.normalize = jsonld.canonize = async function(input, options) {
  if(arguments.length < 1) {
    throw new TypeError('Could not canonize, too few arguments.');
  }

  // set toRDF options
  options = _setDefaults(options, {
    skipExpansion: false,
    safe: true,
    contextResolver: new ContextResolver(
      {sharedCache: _resolvedContextCache})
  });

  // set canonize options
  const canonizeOptions = Object.assign({}, {
    algorithm: 'RDFC-1.0'
  }, options.canonizeOptions || null);

  if('inputFormat' in options) {
    if(options.inputFormat !== 'application/n-quads') {
      throw new JsonLdError(
        'Unknown canonicalization input format.',
        'jsonld.CanonizeError');
    }
    // TODO: `await` for async parsers
    const parsedInput = NQuads.parse(input);

    // do canonicalization
    return canonize.canonize(parsedInput, canonizeOptions);
  }

  // convert to RDF dataset then do normalization
  const opts = {...options};
  delete opts.format;
  delete opts.canonizeOptions;
  opts.produceGeneralizedRdf = false;
  const dataset = await jsonld.toRDF(input, opts);

  // do canonicalization
  return canonize.canonize(dataset, canonizeOptions);
};

/**
 * Outputs the RDF dataset found in the given JSON-LD object.
 *
 * @param input the JSON-LD input.
 * @param [options] the options to use:
 *          [base] the base IRI to use.
 *          [expandContext] a context to expand with.
 *          [skipExpansion] true to assume the input is expanded and skip
 *            expansion, false not to, defaults to false. Some well-formed
 *            and safe-mode checks may be omitted.
 *          [format] the output format. null for an RDF dataset,
 *            'application/n-quads' for an N-Quads string. (default: null)
 *          [produceGeneralizedRdf] true to output generalized RDF, false
 *            to produce only standard RDF (default: false).
 *          [documentLoader(url, options)] the document loader.
 *          [safe] true to use safe mode. (default: false)
 *          [rdfDirection] null or 'i18n-datatype' to support RDF
 *             transformation of @direction (default: null).
 *          [contextResolver] internal use only.
 *
 * @return a Promise that resolves to the RDF dataset.
 */
jsonld.toRDF = async function(input, options) {
  if(arguments.length < 1) {
    throw new TypeError('Could not convert to RDF, too few arguments.');
  }

  // set default options
  options = _setDefaults(options, {
    skipExpansion: false,
    contextResolver: new ContextResolver(
      {sharedCache: _resolvedContextCache})
  });

  // TODO: support toRDF custom map?
  let expanded;
  if(options.skipExpansion) {
    expanded = input;
  } else {
    // expand input
    expanded = await jsonld.expand(input, options);
  }

  // output RDF dataset
  const dataset = _toRDF(expanded, options);
  if(options.format) {
    if(options.format === 'application/n-quads') {
      return NQuads.serialize(dataset);
    }
    throw new JsonLdError(
      'Unknown output format.',
      'jsonld.UnknownFormat', {format: options.format});
  }

  return dataset;
};

/**
 * The default document loader for external documents.
 *
 * @param url the URL to load.
 *
 * @return a promise that resolves to the remote document.
 */
Object.defineProperty(jsonld, 'documentLoader', {
  get: () => jsonld._documentLoader,
  set: v => jsonld._documentLoader = v
});

jsonld.documentLoader = async url => {
  throw new JsonLdError(
    'Could not retrieve a JSON-LD document from the URL. URL ' +
    'dereferencing not implemented.', 'jsonld.LoadDocumentError',
    {code: 'loading document failed', url});
};

/**
 * Gets a remote JSON-LD document using the default document loader or
 * one given in the passed options.
 *
 * @param url the URL to fetch.
 * @param [options] the options to use:
 *          [documentLoader] the document loader to use.
 *
 * @return a Promise that resolves to the retrieved remote document.
 */
jsonld.get = async function(url, options) {
  let load;
  if(typeof options.documentLoader === 'function') {
    load = options.documentLoader;
  } else {
    load = jsonld.documentLoader;
  }

  const remoteDoc = await load(url);

  try {
    if(!remoteDoc.document) {
      throw new JsonLdError(
        'No remote document found at the given URL.',
        'jsonld.NullRemoteDocument');
    }
    if(_isString(remoteDoc.document)) {
      remoteDoc.document = JSON.parse(remoteDoc.document);
    }
  } catch(e) {
    throw new JsonLdError(
      'Could not retrieve a JSON-LD document from the URL.',
      'jsonld.LoadDocumentError', {
        code: 'loading document failed',
        cause: e,
        remoteDoc
      });
  }

  return remoteDoc;
};

/**
 * Processes a local context, resolving any URLs as necessary, and returns a
 * new active context.
 *
 * @param activeCtx the current active context.
 * @param localCtx the local context to process.
 * @param [options] the options to use:
 *          [documentLoader(url, options)] the document loader.
 *          [safe] true to use safe mode. (default: false)
 *          [contextResolver] internal use only.
 *
 * @return a Promise that resolves to the new active context.
 */
jsonld.processContext = async function(
  activeCtx, localCtx, options) {
  // set default options
  options = _setDefaults(options, {
    base: '',
    contextResolver: new ContextResolver(
      {sharedCache: _resolvedContextCache})
  });

  // return initial context early for null context
  if(localCtx === null) {
    return _getInitialContext(options);
  }

  // get URLs in localCtx
  localCtx = util.clone(localCtx);
  if(!(_isObject(localCtx) && '@context' in localCtx)) {
    localCtx = {'@context': localCtx};
  }

  return _processContext({activeCtx, localCtx, options});
};



// backwards compatibility
jsonld.getContextValue = require('jsonld/lib/context.js').getContextValue;

/**
 * Document loaders: none built in (no xhr, no node loader).
 */
jsonld.documentLoaders = {};

/**
 * Assigns the default document loader for external document URLs to a built-in
 * default. Supported types currently include: 'xhr' and 'node'.
 *
 * @param type the type to set.
 * @param [params] the parameters required to use the document loader.
 */
jsonld.useDocumentLoader = function(type) {
  if(!(type in jsonld.documentLoaders)) {
    throw new JsonLdError(
      'Unknown document loader type: "' + type + '"',
      'jsonld.UnknownDocumentLoader',
      {type});
  }

  // set document loader
  jsonld.documentLoader = jsonld.documentLoaders[type].apply(
    jsonld, Array.prototype.slice.call(arguments, 1));
};

/* URL API */
jsonld.url = require('jsonld/lib/url.js');

/* Events API and handlers */
jsonld.logEventHandler = _logEventHandler;
jsonld.logWarningEventHandler = _logWarningEventHandler;
jsonld.safeEventHandler = _safeEventHandler;
jsonld.setDefaultEventHandler = _setDefaultEventHandler;
jsonld.strictEventHandler = _strictEventHandler;
jsonld.unhandledEventHandler = _unhandledEventHandler;

/* Utility API */
jsonld.util = util;
// backwards compatibility
Object.assign(jsonld, util);

// reexpose API as jsonld.promises for backwards compatibility
jsonld.promises = jsonld;

// What this build leaves out (see the header): each throws, naming itself.
const notIncluded = name => function() {
  throw new JsonLdError(
    `jsonld.${name} is not included in this build of jsonld ` +
    '(src/core/vendor/jsonld-slim.cjs), which verifies proofs only.',
    'jsonld.NotIncluded', {name});
};
for(const name of [
  'compact', 'flatten', 'frame', 'link', 'fromRDF', 'createNodeMap', 'merge',
  'registerRDFParser', 'unregisterRDFParser', 'RequestQueue', 'JsonLdProcessor'
]) {
  jsonld[name] = notIncluded(name);
}

function _setDefaults(options, {
  documentLoader = jsonld.documentLoader,
  ...defaults
}) {
  // fail if obsolete options present
  if(options && 'compactionMap' in options) {
    throw new JsonLdError(
      '"compactionMap" not supported.',
      'jsonld.OptionsError');
  }
  if(options && 'expansionMap' in options) {
    throw new JsonLdError(
      '"expansionMap" not supported.',
      'jsonld.OptionsError');
  }
  return Object.assign(
    {},
    {documentLoader},
    defaults,
    options,
    {eventHandler: _setupEventHandler({options})}
  );
}

module.exports = jsonld;
