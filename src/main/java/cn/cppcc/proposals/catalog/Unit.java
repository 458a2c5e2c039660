package cn.cppcc.proposals.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A handling unit 承办单位, e.g. {@code edu} 区教育局. Its handlers are group {@code unit-<code>}. */
@Entity
@Table(name = "units")
public class Unit {

    @Id
    private String code;
    private String name;
    private boolean active;

    protected Unit() {
    }

    Unit(String code, String name) {
        this.code = code;
        this.name = name;
        this.active = true;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    void rename(String name) {
        this.name = name;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
