package cn.cppcc.proposals.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A proposal category, e.g. 教科文卫; the name is what the API and reports use. */
@Entity
@Table(name = "categories")
public class Category {

    @Id
    private String name;
    private int position;
    private boolean active;

    protected Category() {
    }

    Category(String name, int position) {
        this.name = name;
        this.position = position;
        this.active = true;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public boolean isActive() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }
}
