package com.tiercrm.account;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A sales team: reps who report to one manager.
 */
@Entity
@Table(name = "teams")
public class Team {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	private String name;

	private @Nullable Long managerId;

	protected Team() {
		this.name = "";
	}

	public Team(String name, @Nullable Long managerId) {
		this.name = name;
		this.managerId = managerId;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public @Nullable Long getManagerId() {
		return this.managerId;
	}

	public void setManagerId(@Nullable Long managerId) {
		this.managerId = managerId;
	}

}
