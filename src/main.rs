//! The zeitstrahl command line.

fn main() {
    println!("zeitstrahl");
}
