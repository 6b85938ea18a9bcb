package org.opackiosk.store.catalogue;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.opackiosk.core.catalogue.CatalogueEntry;
import org.opackiosk.core.catalogue.CatalogueIndex;
import org.opackiosk.core.catalogue.CatalogueStore;
import org.opackiosk.core.catalogue.IndexStats;
import org.opackiosk.core.catalogue.SearchQuery;
import org.opackiosk.core.catalogue.SearchResult;
import org.opackiosk.core.catalogue.Suggestion;
import org.opackiosk.core.catalogue.SyncRun;
import org.opackiosk.store.catalogue.analysis.CatalogueAnalyzers;
import org.opackiosk.store.catalogue.analysis.Kana;
import org.opackiosk.store.catalogue.analysis.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local catalogue: a Lucene index on disk that {@link CatalogueIndex} searches and {@link CatalogueStore}
 * writes.
 *
 * <p><b>Layout</b> under the directory given: {@code index-a/} and {@code index-b/}, and {@code current}, a
 * one-line file naming the searchable one. A full rebuild is written into the other directory and becomes
 * searchable by replacing {@code current} atomically (write, fsync, rename, fsync the directory): a rebuild
 * cut off anywhere leaves the searchable index untouched. The sync's progress (its run and cursor) and
 * watermark are stored in each index commit's user data, in the same commit as the records they describe,
 * so what is on disk is always consistent: an interrupted run resumes from its last commit. Commits happen
 * every {@value #COMMIT_RECORDS} records or {@link #COMMIT_INTERVAL}, whichever comes first, and at the end.
 *
 * <p>An index that cannot be opened (damaged, or written by an older kiosk) is set aside and replaced by an
 * empty one, logged once; the next sync rebuilds it. Searching never throws for any input.
 *
 * <p>Thread-safe: any number of threads search while one syncs. Close it once, when the kiosk stops.
 */
public final class LuceneCatalogue implements CatalogueIndex, CatalogueStore, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(LuceneCatalogue.class);
    /** Changes when the document layout changes: an index of another schema is rebuilt. */
    static final String SCHEMA = "catalogue-1/" + EntryCodec.VERSION;
    static final int COMMIT_RECORDS = 5000;
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(3);
    /** Deeper than this a patron never pages; it bounds the work of one search. */
    static final int MAX_HITS = 10_000;
    private static final String POINTER = "current";
    /**
     * No query cache: every patron's query is different, and the cache would spend time building bitsets of
     * clauses that a benchmark's repeated queries make look popular.
     */
    private static final org.apache.lucene.search.SearcherFactory SEARCHERS = new org.apache.lucene.search.SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            return searcher;
        }
    };

    private static final String K_SCHEMA = "schema";
    private static final String K_WATERMARK = "watermark";
    private static final String K_LAST_SYNC = "lastSync";
    private static final String K_LAST_REBUILD = "lastRebuild";
    private static final String K_LAST_INCREMENTAL = "lastIncremental";
    private static final String K_RUN = "run.";

    private final Path root;
    private final int commitRecords;
    private final Duration commitInterval;
    private final CatalogueAnalyzers analyzers = new CatalogueAnalyzers();
    private final CatalogueDocuments documents = new CatalogueDocuments(analyzers);
    private final CatalogueQueries queries = new CatalogueQueries(analyzers);
    private final Analyzer indexAnalyzer;

    private volatile Slot live;
    // the write side; guarded by this
    private IndexWriter writer;
    private String writerSlot;
    private Optional<SyncRun> run = Optional.empty();
    private long uncommitted;
    private long lastCommitNanos;
    private boolean closed;

    private record Slot(String name, Directory directory, SearcherManager searchers) {
    }

    private LuceneCatalogue(Path root, int commitRecords, Duration commitInterval) {
        this.root = root;
        this.commitRecords = commitRecords;
        this.commitInterval = commitInterval;
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put(CatalogueDocuments.TITLE_WORDS, analyzers.morphological());
        for (String f : List.of(CatalogueDocuments.TITLE_GRAMS, CatalogueDocuments.AUTHOR_GRAMS,
                CatalogueDocuments.PUBLISHER_GRAMS, CatalogueDocuments.SUBJECT_GRAMS)) {
            perField.put(f, analyzers.bigramIndex());
        }
        perField.put(CatalogueDocuments.TITLE_READING, analyzers.readingGrams());
        perField.put(CatalogueDocuments.AUTHOR_READING, analyzers.readingGrams());
        this.indexAnalyzer = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
    }

    /**
     * Opens (or creates) the catalogue under {@code root}.
     *
     * @throws UncheckedIOException when the directory cannot be created or written
     */
    public static LuceneCatalogue open(Path root) {
        return open(root, COMMIT_RECORDS, COMMIT_INTERVAL);
    }

    /** {@link #open(Path)} committing a run's progress at another pace: crash tests need commits within a small catalogue. */
    static LuceneCatalogue open(Path root, int commitRecords, Duration commitInterval) {
        LuceneCatalogue catalogue = new LuceneCatalogue(root, commitRecords, commitInterval);
        try {
            Files.createDirectories(root);
            String name = catalogue.readPointer();
            catalogue.live = catalogue.openSlot(name);
            catalogue.run = catalogue.committedRun();
        } catch (IOException e) {
            throw new UncheckedIOException("the catalogue index in " + root + " cannot be opened: " + e.getMessage(), e);
        }
        return catalogue;
    }

    // ---- search ------------------------------------------------------------------------------------

    @Override
    public SearchResult search(SearchQuery query) {
        long start = System.nanoTime();
        Optional<Query> match;
        try {
            match = queries.match(query);
        } catch (RuntimeException e) {
            LOG.warn("A search could not be built, answered with no hits", e);
            return SearchResult.EMPTY;
        }
        if (match.isEmpty()) {
            return SearchResult.EMPTY;
        }
        Query ranked = queries.ranked(match.get(), query);
        Sort sort = CatalogueQueries.sort(query.sort());
        int wanted = (int) Math.min(MAX_HITS, Math.max(1L, (long) query.offset() + query.limit()));
        Set<String> types = query.filters().itemTypes();
        Set<String> branches = query.filters().branches();
        return withSearcher(searcher -> {
            TopFieldCollectorManager topManager = new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE);
            List<FacetingCollector> collectors = new ArrayList<>();
            searcher.search(ranked, new CollectorManager<FacetingCollector, Void>() {
                @Override
                public FacetingCollector newCollector() throws IOException {
                    FacetingCollector c = new FacetingCollector(topManager.newCollector(), types, branches);
                    synchronized (collectors) {
                        collectors.add(c);
                    }
                    return c;
                }

                @Override
                public Void reduce(Collection<FacetingCollector> done) {
                    return null;
                }
            });
            List<TopFieldCollector> tops = new ArrayList<>();
            Map<String, Long> typeCounts = new HashMap<>();
            Map<String, Long> branchCounts = new HashMap<>();
            long total = 0;
            for (FacetingCollector c : collectors) {
                c.tally();
                tops.add(c.top());
                c.typeCounts.forEach((k, v) -> typeCounts.merge(k, v, Long::sum));
                c.branchCounts.forEach((k, v) -> branchCounts.merge(k, v, Long::sum));
                total += c.total;
            }
            TopDocs top = topManager.reduce(tops);
            List<CatalogueEntry> hits = new ArrayList<>(query.limit());
            StoredFields stored = searcher.storedFields();
            for (int i = query.offset(); i < top.scoreDocs.length && hits.size() < query.limit(); i++) {
                entry(stored, top.scoreDocs[i].doc).ifPresent(hits::add);
            }
            typeCounts.remove("");
            return new SearchResult(hits, total, typeCounts, branchCounts, Duration.ofNanos(System.nanoTime() - start));
        }, SearchResult.EMPTY);
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        if (prefix == null || limit <= 0) {
            return List.of();
        }
        String key = CatalogueQueries.normalizedInput(prefix).replace(" ", "");
        if (key.isEmpty()) {
            return List.of();
        }
        boolean kana = Kana.isKanaOnly(key);
        String folded = kana ? Kana.fold(key) : "";
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(CatalogueQueries.prefix(CatalogueDocuments.TITLE_EDGE, CatalogueDocuments.TITLE_KEY, key), BooleanClause.Occur.SHOULD);
        any.add(new TermQuery(new Term(CatalogueDocuments.AUTHOR_EDGE, key)), BooleanClause.Occur.SHOULD);
        if (!folded.isEmpty()) {
            any.add(CatalogueQueries.prefix(CatalogueDocuments.READING_EDGE, CatalogueDocuments.READING_KEY, folded),
                    BooleanClause.Occur.SHOULD);
            any.add(new TermQuery(new Term(CatalogueDocuments.AUTHOR_EDGE, folded)), BooleanClause.Occur.SHOULD);
        }
        Sort newest = CatalogueQueries.sort(SearchQuery.Sort.NEWEST);
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(any.build(), Math.max(limit * 4, 20), newest);
            Set<Suggestion> found = new LinkedHashSet<>();
            Set<String> authors = new LinkedHashSet<>();
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) {
                Optional<CatalogueEntry> entry = entry(stored, hit.doc);
                if (entry.isEmpty()) {
                    continue;
                }
                CatalogueEntry e = entry.get();
                String titleKey = CatalogueDocuments.key(e.title());
                if (titleKey.startsWith(key) || (!folded.isEmpty() && Kana.fold(titleKey).startsWith(folded))
                        || (!folded.isEmpty() && Kana.fold(TextNormalizer.normalize(e.titleReading())).startsWith(folded))) {
                    found.add(new Suggestion(e.title(), Suggestion.Kind.TITLE));
                }
                for (int i = 0; i < e.authors().size(); i++) {
                    String name = e.authors().get(i);
                    String reading = i < e.authorReadings().size() ? Kana.fold(TextNormalizer.normalize(e.authorReadings().get(i))) : "";
                    if (CatalogueDocuments.key(name).startsWith(key) || (!folded.isEmpty() && reading.startsWith(folded))) {
                        authors.add(name);
                    }
                }
            }
            List<Suggestion> suggestions = new ArrayList<>();
            for (Suggestion s : found) {
                if (suggestions.size() < limit) {
                    suggestions.add(s);
                }
            }
            for (String a : authors) {
                if (suggestions.size() < limit) {
                    suggestions.add(new Suggestion(a, Suggestion.Kind.AUTHOR));
                }
            }
            return List.copyOf(suggestions);
        }, List.of());
    }

    @Override
    public Optional<CatalogueEntry> record(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(CatalogueDocuments.ID, id)), 1);
            return top.scoreDocs.length == 0 ? Optional.<CatalogueEntry>empty() : entry(searcher.storedFields(), top.scoreDocs[0].doc);
        }, Optional.empty());
    }

    @Override
    public IndexStats stats() {
        Slot slot = live;
        Map<String, String> data = userData(slot.directory());
        long size = 0;
        try {
            for (String file : slot.directory().listAll()) {
                size += slot.directory().fileLength(file);
            }
        } catch (IOException e) {
            LOG.debug("Index size unknown: {}", e.getMessage());
        }
        long records = withSearcher(s -> (long) s.getIndexReader().numDocs(), 0L);
        return new IndexStats(records, size, instant(data.get(K_LAST_SYNC)), instant(data.get(K_LAST_INCREMENTAL)),
                watermark(), pendingRun());
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work, T fallback) {
        Slot slot = live;
        IndexSearcher searcher;
        try {
            searcher = slot.searchers().acquire();
        } catch (IOException | RuntimeException e) {
            LOG.warn("The catalogue index cannot be searched: {}", e.toString());
            return fallback;
        }
        try {
            return work.apply(searcher);
        } catch (IOException | RuntimeException e) {
            LOG.warn("A catalogue search failed, answered with no hits", e);
            return fallback;
        } finally {
            try {
                slot.searchers().release(searcher);
            } catch (IOException e) {
                LOG.debug("Releasing a searcher failed: {}", e.getMessage());
            }
        }
    }

    private static Optional<CatalogueEntry> entry(StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc, Set.of(CatalogueDocuments.ENTRY));
        BytesRef bytes = d.getBinaryValue(CatalogueDocuments.ENTRY);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(EntryCodec.decode(bytes.bytes, bytes.offset, bytes.length));
        } catch (IllegalArgumentException e) {
            LOG.warn("A record in the index cannot be read: {}", e.getMessage());
            return Optional.empty();
        }
    }

    // ---- store -------------------------------------------------------------------------------------

    @Override
    public synchronized Optional<SyncRun> pendingRun() {
        return run;
    }

    @Override
    public Optional<Instant> watermark() {
        Map<String, String> data = userData(live.directory());
        return SCHEMA.equals(data.get(K_SCHEMA)) ? instant(data.get(K_WATERMARK)) : Optional.empty();
    }

    @Override
    public Optional<Instant> lastRebuild() {
        return instant(userData(live.directory()).get(K_LAST_REBUILD));
    }

    @Override
    public synchronized void begin(SyncRun started) {
        requireOpen();
        try {
            closeWriter(true);
            Map<String, String> data = new HashMap<>();
            if (started.full()) {
                String beside = other(live.name());
                Path dir = slotPath(beside);
                deleteRecursively(dir);
                openWriter(beside, IndexWriterConfig.OpenMode.CREATE);
            } else {
                data.putAll(userData(live.directory()));
                openWriter(live.name(), IndexWriterConfig.OpenMode.APPEND);
            }
            data.put(K_SCHEMA, SCHEMA);
            run = Optional.of(started);
            commit(data);
        } catch (IOException e) {
            throw new UncheckedIOException("the catalogue index cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void write(List<CatalogueEntry> entries, SyncRun progressed) {
        requireOpen();
        try {
            ensureWriter(progressed);
            for (CatalogueEntry e : entries) {
                Document doc = documents.document(e);
                if (progressed.full()) {
                    writer.addDocument(doc);
                } else {
                    writer.updateDocument(new Term(CatalogueDocuments.ID, e.id()), doc);
                }
            }
            run = Optional.of(progressed);
            uncommitted += entries.size();
            if (uncommitted >= commitRecords || System.nanoTime() - lastCommitNanos >= commitInterval.toNanos()) {
                commit(writerData());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the catalogue index cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void delete(Collection<String> ids) {
        requireOpen();
        if (ids.isEmpty()) {
            return;
        }
        try {
            ensureWriter(run.orElseThrow(() -> new IllegalStateException("delete outside a sync run")));
            Term[] terms = ids.stream().map(id -> new Term(CatalogueDocuments.ID, id)).toArray(Term[]::new);
            writer.deleteDocuments(terms);
            uncommitted += ids.size();
        } catch (IOException e) {
            throw new UncheckedIOException("the catalogue index cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void finish(Instant finishedAt) {
        requireOpen();
        SyncRun done = run.orElseThrow(() -> new IllegalStateException("no sync run to finish"));
        try {
            ensureWriter(done);
            Map<String, String> data = writerData();
            data.keySet().removeIf(k -> k.startsWith(K_RUN));
            done.upTo().ifPresent(t -> data.put(K_WATERMARK, t.toString()));
            data.put(K_LAST_SYNC, finishedAt.toString());
            if (done.full()) {
                data.put(K_LAST_REBUILD, finishedAt.toString());
                // the rebuilt index starts from empty commit data; staff still want to see when the
                // last incremental sync ran
                String incremental = userData(live.directory()).get(K_LAST_INCREMENTAL);
                if (incremental != null) {
                    data.put(K_LAST_INCREMENTAL, incremental);
                }
            } else {
                data.put(K_LAST_INCREMENTAL, finishedAt.toString());
            }
            run = Optional.empty();
            if (done.full()) {
                // a rebuilt index is read for a day or more before it changes much: one segment makes every
                // term lookup of a search one lookup instead of one per segment
                writer.forceMerge(1);
            }
            commit(data);
            String target = writerSlot;
            closeWriter(false);
            if (done.full()) {
                writePointer(target);
                Slot old = live;
                live = openSlot(target);
                old.searchers().close();
                old.directory().close();
            } else {
                live.searchers().maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the catalogue index cannot be written: " + e.getMessage(), e);
        }
    }

    /** Keeps the run's progress for the next start, then releases the index. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (writer != null) {
                commit(writerData());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The catalogue sync's progress could not be saved: {}", e.toString());
        }
        try {
            closeWriter(false);
        } catch (IOException e) {
            LOG.warn("Closing the catalogue index writer failed: {}", e.toString());
        }
        try {
            live.searchers().close();
            live.directory().close();
        } catch (IOException e) {
            LOG.warn("Closing the catalogue index failed: {}", e.toString());
        }
        analyzers.close();
    }

    /** The searchable index's directory (for diagnostics and tests). */
    public Path searchablePath() {
        return slotPath(live.name());
    }

    // ---- internals ---------------------------------------------------------------------------------

    /** A sync still running while the kiosk stops must not open a new writer on a closed catalogue. */
    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the catalogue index is closed");
        }
    }

    private void ensureWriter(SyncRun forRun) throws IOException {
        if (writer != null) {
            return;
        }
        // resumed after a restart: the run's index as of its last commit
        openWriter(forRun.full() ? other(live.name()) : live.name(), IndexWriterConfig.OpenMode.APPEND);
        run = Optional.of(forRun);
    }

    private void openWriter(String slot, IndexWriterConfig.OpenMode mode) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(mode)
                // LZ4 for stored records: a result page reads 20 of them, and DEFLATE blocks cost ~1 ms each to open
                .setCodec(new Lucene103Codec(Lucene103Codec.Mode.BEST_SPEED))
                .setRAMBufferSizeMB(48)
                .setCommitOnClose(false);
        writer = new IndexWriter(FSDirectory.open(slotPath(slot)), config);
        writerSlot = slot;
        lastCommitNanos = System.nanoTime();
    }

    private Map<String, String> writerData() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> current = writer.getLiveCommitData();
        if (current != null) {
            current.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        data.keySet().removeIf(k -> k.startsWith(K_RUN));
        run.ifPresent(r -> data.putAll(runData(r)));
        return data;
    }

    private void commit(Map<String, String> data) throws IOException {
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        uncommitted = 0;
        lastCommitNanos = System.nanoTime();
    }

    private void closeWriter(boolean rollback) throws IOException {
        if (writer == null) {
            return;
        }
        Directory dir = writer.getDirectory();
        if (rollback) {
            writer.rollback();
        } else {
            writer.close();
        }
        dir.close();
        writer = null;
        writerSlot = null;
    }

    private Slot openSlot(String name) throws IOException {
        Path path = slotPath(name);
        Files.createDirectories(path);
        Directory dir = FSDirectory.open(path);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                createEmpty(dir);
            }
            return new Slot(name, dir, new SearcherManager(dir, SEARCHERS));
        } catch (IOException | RuntimeException e) {
            LOG.error("The catalogue index in {} cannot be opened ({}); it is replaced by an empty one and rebuilt at the next sync",
                    path, e.toString());
            dir.close();
            deleteRecursively(path);
            Files.createDirectories(path);
            Directory fresh = FSDirectory.open(path);
            createEmpty(fresh);
            return new Slot(name, fresh, new SearcherManager(fresh, SEARCHERS));
        }
    }

    private void createEmpty(Directory dir) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter empty = new IndexWriter(dir, config)) {
            empty.setLiveCommitData(Map.of(K_SCHEMA, SCHEMA).entrySet());
            empty.commit();
        }
    }

    /** A run found on disk: a rebuild in the other directory, or an update of the searchable one. */
    private Optional<SyncRun> committedRun() throws IOException {
        Path beside = slotPath(other(live.name()));
        if (Files.isDirectory(beside)) {
            try (Directory dir = FSDirectory.open(beside)) {
                if (DirectoryReader.indexExists(dir)) {
                    Optional<SyncRun> r = runOf(SegmentInfos.readLatestCommit(dir).getUserData());
                    if (r.isPresent() && r.get().full()) {
                        return r;
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("An interrupted catalogue rebuild cannot be resumed, it starts again: {}", e.toString());
            }
        }
        return runOf(userData(live.directory())).filter(r -> !r.full());
    }

    private static Map<String, String> userData(Directory dir) {
        try {
            return SegmentInfos.readLatestCommit(dir).getUserData();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static Map<String, String> runData(SyncRun r) {
        Map<String, String> data = new HashMap<>();
        data.put(K_RUN + "full", Boolean.toString(r.full()));
        r.since().ifPresent(t -> data.put(K_RUN + "since", t.toString()));
        r.upTo().ifPresent(t -> data.put(K_RUN + "upTo", t.toString()));
        r.afterId().ifPresent(id -> data.put(K_RUN + "afterId", id));
        data.put(K_RUN + "written", Long.toString(r.written()));
        data.put(K_RUN + "startedAt", r.startedAt().toString());
        return data;
    }

    private static Optional<SyncRun> runOf(Map<String, String> data) {
        if (!data.containsKey(K_RUN + "full") || !SCHEMA.equals(data.get(K_SCHEMA))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SyncRun(Boolean.parseBoolean(data.get(K_RUN + "full")), instant(data.get(K_RUN + "since")),
                    instant(data.get(K_RUN + "upTo")), Optional.ofNullable(data.get(K_RUN + "afterId")),
                    Long.parseLong(data.getOrDefault(K_RUN + "written", "0")),
                    instant(data.get(K_RUN + "startedAt")).orElse(Instant.EPOCH)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String readPointer() throws IOException {
        Path pointer = root.resolve(POINTER);
        if (Files.exists(pointer)) {
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            if (name.equals("a") || name.equals("b")) {
                return name;
            }
            LOG.warn("{} names no index ({}); using index-a", pointer, name);
        }
        return "a";
    }

    private void writePointer(String name) throws IOException {
        Path tmp = root.resolve(POINTER + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap((name + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(tmp, root.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename is still atomic
            LOG.debug("Syncing {} failed: {}", root, e.getMessage());
        }
    }

    private Path slotPath(String name) {
        return root.resolve("index-" + name);
    }

    private static String other(String name) {
        return name.equals("a") ? "b" : "a";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

}
