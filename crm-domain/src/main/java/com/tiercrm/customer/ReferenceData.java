package com.tiercrm.customer;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

import com.tiercrm.database.InstanceCache;
import com.tiercrm.database.SharedCacheChanged;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The industries and regions of the installation, kept until one changes, on every
 * instance (a change is announced as {@link SharedCacheChanged}), or for a minute at most
 * should a message be missed: every page that shows a customer names its codes through
 * here.
 */
@Service
public class ReferenceData implements InstanceCache, ApplicationEventPublisherAware {

	/** The name the instances know this cache by. */
	public static final String CACHE = "customer.reference-data";

	private final JdbcTemplate jdbc;

	private final LoadingCache<ReferenceKind, ReferenceCatalog> catalogs;

	private ApplicationEventPublisher events = (event) -> {
	};

	@Autowired
	ReferenceData(JdbcTemplate jdbc) {
		this(jdbc, Ticker.systemTicker());
	}

	ReferenceData(JdbcTemplate jdbc, Ticker ticker) {
		this.jdbc = jdbc;
		this.catalogs = Caffeine.newBuilder()
			.maximumSize(ReferenceKind.values().length)
			.expireAfterWrite(Duration.ofMinutes(1))
			.ticker(ticker)
			.build(this::read);
	}

	/**
	 * Where {@link SharedCacheChanged} goes; a catalogue built by hand (tests) tells no
	 * one.
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public String cacheName() {
		return CACHE;
	}

	@Override
	public void clear() {
		forget();
	}

	/** The entries of a kind as they are now. */
	public ReferenceCatalog catalog(ReferenceKind kind) {
		return this.catalogs.get(kind);
	}

	private ReferenceCatalog read(ReferenceKind kind) {
		return new ReferenceCatalog(kind, this.jdbc.query(
				"SELECT code, name_en, name_zh, sort_order FROM " + kind.table(),
				(rs, row) -> new ReferenceEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4))));
	}

	/**
	 * Adds an entry.
	 * @throws ReferenceEntryConflictException when its code is taken, or a name is
	 * another entry's code or name
	 */
	@Transactional
	public void create(ReferenceKind kind, ReferenceEntry entry) {
		ReferenceCatalog current = read(kind);
		if (current.find(entry.code()).isPresent()) {
			throw new ReferenceEntryConflictException("reference.error.codeTaken", entry.code());
		}
		checkWords(current, entry);
		try {
			insert(kind, entry);
		}
		catch (DuplicateKeyException ex) {
			// Another admin added the same code a moment ago.
			throw new ReferenceEntryConflictException("reference.error.codeTaken", entry.code());
		}
	}

	/**
	 * Renames an entry (and moves it in the order); its code stays, and so do the
	 * customers' values.
	 * @throws UnknownReferenceEntryException when there is no entry with its code
	 * @throws ReferenceEntryConflictException when a name is another entry's code or name
	 */
	@Transactional
	public void update(ReferenceKind kind, ReferenceEntry entry) {
		ReferenceCatalog current = read(kind);
		if (current.find(entry.code()).isEmpty()) {
			throw new UnknownReferenceEntryException(kind, entry.code());
		}
		checkWords(current, entry);
		this.jdbc.update(
				"UPDATE " + kind.table()
						+ " SET name_en = ?, name_zh = ?, sort_order = ?, version = version + 1 WHERE code = ?",
				entry.englishName(), entry.chineseName(), entry.sortOrder(), entry.code());
		forgetAfterCommit();
	}

	/**
	 * Adds the entries an import found, unless an entry with the code is there already.
	 */
	@Transactional
	public void add(ReferenceKind kind, Collection<ReferenceEntry> entries) {
		ReferenceCatalog current = read(kind);
		for (ReferenceEntry entry : entries) {
			if (current.find(entry.code()).isEmpty()) {
				insert(kind, entry);
			}
		}
	}

	/** The next place at the end of the list, for a new entry. */
	public int nextSortOrder(ReferenceKind kind) {
		return catalog(kind).entries().stream().mapToInt(ReferenceEntry::sortOrder).max().orElse(0) + 10;
	}

	private void insert(ReferenceKind kind, ReferenceEntry entry) {
		this.jdbc.update("INSERT INTO " + kind.table() + " (code, name_en, name_zh, sort_order) VALUES (?, ?, ?, ?)",
				entry.code(), entry.englishName(), entry.chineseName(), entry.sortOrder());
		forgetAfterCommit();
	}

	/** Refuses names that an import would take for another entry. */
	private static void checkWords(ReferenceCatalog current, ReferenceEntry entry) {
		for (String name : new String[] { entry.englishName(), entry.chineseName() }) {
			Optional<ReferenceEntry> other = current.match(name).filter((e) -> !e.code().equals(entry.code()));
			if (other.isPresent()) {
				throw new ReferenceEntryConflictException("reference.error.nameTaken", name);
			}
		}
		Optional<ReferenceEntry> other = current.match(entry.code()).filter((e) -> !e.code().equals(entry.code()));
		if (other.isPresent()) {
			throw new ReferenceEntryConflictException("reference.error.codeTaken", entry.code());
		}
	}

	private void forgetAfterCommit() {
		forget();
		this.events.publishEvent(new SharedCacheChanged(CACHE));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					forget();
				}
			});
		}
	}

	private void forget() {
		this.catalogs.invalidateAll();
	}

}
